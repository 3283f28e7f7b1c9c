package store

import (
	"context"
	"fmt"
	"strings"
)

// Column describes one table column with its type normalised across dialects, so that the schemas of
// SQLite and PostgreSQL can be compared.
type Column struct {
	Name    string
	Type    string // int, text, bool, time, bytes, float, or "other:<declared>"
	NotNull bool
}

// Schema returns the application's tables (by name) with their columns in declaration order. Internal
// tables of the engine are left out.
func (db *DB) Schema(ctx context.Context) (map[string][]Column, error) {
	out := map[string][]Column{}
	if db.dialect == Postgres {
		rows, err := db.db.QueryContext(ctx, `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO'
			FROM information_schema.columns c
			JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
			WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
			ORDER BY c.table_name, c.ordinal_position`)
		if err != nil {
			return nil, fmt.Errorf("store: schema: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var table string
			var c Column
			if err := rows.Scan(&table, &c.Name, &c.Type, &c.NotNull); err != nil {
				return nil, err
			}
			c.Type = normaliseType(c.Type)
			out[table] = append(out[table], c)
		}
		return out, rows.Err()
	}
	rows, err := db.db.QueryContext(ctx, `SELECT m.name, p.name, p.type, p."notnull" OR p.pk > 0
		FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
		ORDER BY m.name, p.cid`)
	if err != nil {
		return nil, fmt.Errorf("store: schema: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table string
		var c Column
		if err := rows.Scan(&table, &c.Name, &c.Type, &c.NotNull); err != nil {
			return nil, err
		}
		c.Type = normaliseType(c.Type)
		out[table] = append(out[table], c)
	}
	return out, rows.Err()
}

func normaliseType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "integer", "int", "bigint", "smallint", "int2", "int4", "int8", "bigserial", "serial":
		return "int"
	case "text", "varchar", "character varying", "char", "character":
		return "text"
	case "boolean", "bool":
		return "bool"
	case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "datetime", "date":
		return "time"
	case "blob", "bytea":
		return "bytes"
	case "real", "double precision", "float8", "double", "numeric":
		return "float"
	}
	return "other:" + t
}
