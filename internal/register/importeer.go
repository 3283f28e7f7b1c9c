package register

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/zeker-platform/zeker/internal/store"
)

// The import driver: Importeer checks the options, opens the import's record in the data transaction,
// reads rows from a source (importeer_bron.go), validates them, and hands them to a writer: multi-row
// upserts through database/sql on SQLite (importeer_sql.go) or COPY on PostgreSQL (importeer_pg.go).

// ImportOpties configure Importeer.
type ImportOpties struct {
	Gemeente string    // the tenant; a row of another gemeente is rejected
	Formaat  string    // "csv" or "json" (a JSON array or JSON Lines)
	Datum    time.Time // reference date of the validation (birth dates and "since" dates not after it)
	Bestand  string    // name recorded with the import

	// SkipInvalid stores the valid rows and writes the rejected ones to Afgewezen. Without it an
	// import is all-or-nothing: one invalid row and nothing is stored.
	SkipInvalid bool
	Afgewezen   io.Writer

	Grootte   int64 // bytes of the input, for the ETA (0: unknown)
	Voortgang func(Voortgang)
	Batch     int // rows per INSERT (SQLite, default 64) or per COPY (PostgreSQL, default 50,000)
}

// Voortgang is the progress of a running import.
type Voortgang struct {
	Rijen      int64
	Bytes      int64
	Grootte    int64
	PerSeconde float64
	ETA        time.Duration // 0: unknown
}

// String formats progress for a terminal line.
func (v Voortgang) String() string {
	s := fmt.Sprintf("%d rijen, %.0f rijen/s", v.Rijen, v.PerSeconde)
	if v.Grootte > 0 {
		s += fmt.Sprintf(", %.0f%%", 100*float64(v.Bytes)/float64(v.Grootte))
	}
	if v.ETA > 0 {
		s += ", nog " + v.ETA.Round(time.Second).String()
	}
	return s
}

// ImportResultaat is the outcome of an import.
type ImportResultaat struct {
	ID          int64
	Rijen       int64 // data rows read
	Opgeslagen  int64 // new or changed households
	Ongewijzigd int64 // rows identical to what was stored: a re-import changes nothing
	Afgewezen   int64
	Fouten      []*RijFout // the first maxFouten problems
	Duur        time.Duration
}

const maxFouten = 100

// ErrOngeldig is returned when an all-or-nothing import found invalid rows; nothing was stored.
var ErrOngeldig = errors.New("register: import afgewezen: ongeldige rijen, er is niets opgeslagen")

// Importeer reads households from r (streaming: memory does not grow with the file) and stores them
// for the gemeente in one transaction, in multi-row batches. Households are keyed by (gemeente, id):
// a row identical to the stored one is not written again, so re-importing a file changes nothing; a
// changed row replaces the stored household; within one file the last row of an id wins.
func Importeer(ctx context.Context, db *store.DB, r io.Reader, o ImportOpties) (*ImportResultaat, error) {
	if o.Gemeente == "" {
		return nil, fmt.Errorf("register: import: gemeente ontbreekt")
	}
	if o.SkipInvalid && o.Afgewezen == nil {
		return nil, fmt.Errorf("register: import: --skip-invalid heeft een bestand voor afgewezen rijen nodig")
	}
	if o.Batch <= 0 {
		// The SQLite driver binds parameters in time quadratic in their number per statement, so it
		// gets small batches; PostgreSQL copies large ones into a staging table (importeer_pg.go).
		o.Batch = 64
		if db.Dialect() == store.Postgres {
			o.Batch = 50_000
		}
	}
	start := time.Now()
	res := &ImportResultaat{}
	err := importeer(ctx, db, r, o, res, start)
	res.Duur = time.Since(start)
	if err == nil {
		return res, nil
	}
	// The import's record was written in its data transaction, so a failed or killed import leaves
	// neither data nor a record that stays "bezig". A failure that this process sees is recorded on
	// its own, so that the import page shows it.
	klaar := time.Now().UTC().Truncate(time.Microsecond)
	rerr := db.SQL().QueryRowContext(context.WithoutCancel(ctx), `INSERT INTO register_import (gemeente, bestand, formaat, status,
		rijen, opgeslagen, ongewijzigd, afgewezen, melding, gestart, klaar)
		VALUES ($1, $2, $3, 'afgebroken', $4, 0, 0, $5, $6, $7, $8) RETURNING id`,
		o.Gemeente, o.Bestand, o.Formaat, res.Rijen, res.Afgewezen, err.Error(), start.UTC().Truncate(time.Microsecond), klaar).Scan(&res.ID)
	if rerr != nil {
		return res, fmt.Errorf("%w (en het vastleggen van de mislukte import: %v)", err, store.MapError(rerr))
	}
	return res, err
}

// startSQL and klaarSQL write the import's record inside the data transaction: 'bezig' is never
// committed, so no later reader sees an import that stays "bezig" after a crash.
const startSQL = `INSERT INTO register_import (gemeente, bestand, formaat, status, gestart)
	VALUES ($1, $2, $3, 'bezig', $4) RETURNING id`

const klaarSQL = `UPDATE register_import SET status = 'klaar', rijen = $1, opgeslagen = $2, ongewijzigd = $3,
	afgewezen = $4, klaar = $5, peildatum = $6 WHERE gemeente = $7 AND id = $8`

// gewijzigdSQL counts the households this import added or changed (their import_id is this import's).
// The upsert also writes unchanged rows (it marks them seen by this import, the column gezien), so
// the number of affected rows does not tell.
const gewijzigdSQL = `SELECT COUNT(*) FROM register_huishouden WHERE gemeente = $1 AND import_id = $2`

// upsertTail is the conflict clause of both engines: the household is marked seen by this import
// (gezien: it belongs to this snapshot); its data, import_id and bijgewerkt change only when the row
// differs from the stored one, so a re-import changes no household.
const upsertTail = ` ON CONFLICT (gemeente, id) DO UPDATE SET gezien = excluded.gezien,
		woonplaats = CASE WHEN register_huishouden.gegevens <> excluded.gegevens THEN excluded.woonplaats ELSE register_huishouden.woonplaats END,
		briefadres = CASE WHEN register_huishouden.gegevens <> excluded.gegevens THEN excluded.briefadres ELSE register_huishouden.briefadres END,
		import_id = CASE WHEN register_huishouden.gegevens <> excluded.gegevens THEN excluded.import_id ELSE register_huishouden.import_id END,
		bijgewerkt = CASE WHEN register_huishouden.gegevens <> excluded.gegevens THEN excluded.bijgewerkt ELSE register_huishouden.bijgewerkt END,
		gegevens = excluded.gegevens`

func importeer(ctx context.Context, db *store.DB, r io.Reader, o ImportOpties, res *ImportResultaat, start time.Time) error {
	teller := &telLezer{r: r}
	var b bron
	var afgewezenCSV *csv.Writer
	switch o.Formaat {
	case "csv":
		cr := csv.NewReader(bufio.NewReaderSize(teller, 64<<10))
		cr.ReuseRecord = false
		cr.FieldsPerRecord = -1
		header, err := cr.Read()
		if err == io.EOF {
			return fmt.Errorf("register: import: het bestand is leeg")
		}
		if err != nil {
			return fmt.Errorf("register: import: kopregel: %w", err)
		}
		ind, err := NieuweIndeling(header)
		if err != nil {
			return err
		}
		b = &csvBron{r: cr, ind: ind}
		if o.Afgewezen != nil {
			afgewezenCSV = csv.NewWriter(o.Afgewezen)
			if err := afgewezenCSV.Write(append(append([]string{}, header...), "fout_regel", "fout_kolom", "fout_reden")); err != nil {
				return err
			}
			defer afgewezenCSV.Flush()
		}
	case "json":
		jb, err := nieuweJSONBron(teller)
		if err != nil {
			return fmt.Errorf("register: import: %w", err)
		}
		b = jb
	default:
		return fmt.Errorf("register: import: onbekend formaat %q (csv of json)", o.Formaat)
	}

	afwijzen := func(f *RijFout, raw []string, rawJSON []byte) error {
		res.Afgewezen++
		if len(res.Fouten) < maxFouten {
			res.Fouten = append(res.Fouten, f)
		}
		if !o.SkipInvalid || o.Afgewezen == nil {
			return nil
		}
		if afgewezenCSV != nil {
			return afgewezenCSV.Write(append(append([]string{}, raw...), strconv.Itoa(f.Regel), f.Kolom, f.Reden))
		}
		line, _ := json.Marshal(struct {
			Regel      int             `json:"regel"`
			Kolom      string          `json:"kolom"`
			Reden      string          `json:"reden"`
			Huishouden json.RawMessage `json:"huishouden,omitempty"`
		}{f.Regel, f.Kolom, f.Reden, rawJSON})
		_, err := o.Afgewezen.Write(append(line, '\n'))
		return err
	}

	nu := time.Now().UTC().Truncate(time.Microsecond)
	if db.Dialect() == store.Postgres {
		conn, err := db.SQL().Conn(ctx)
		if err != nil {
			return fmt.Errorf("register: import: verbinding: %w", store.MapError(err))
		}
		defer conn.Close()
		return conn.Raw(func(dc any) error {
			sc, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("register: import: onverwachte driver %T", dc)
			}
			w, err := nieuwePGSchrijver(ctx, sc.Conn(), o, nu)
			if err != nil {
				return err
			}
			res.ID = w.importID
			defer w.stop(ctx)
			return lees(ctx, b, o, res, start, teller, afwijzen, w)
		})
	}
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("register: import: begin: %w", store.MapError(err))
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, startSQL, o.Gemeente, o.Bestand, o.Formaat, nu).Scan(&res.ID); err != nil {
		return fmt.Errorf("register: import starten: %w", store.MapError(err))
	}
	ins := &invoeger{tx: tx, db: db, gemeente: o.Gemeente, importID: res.ID, nu: nu, batch: o.Batch}
	defer ins.sluit()
	return lees(ctx, b, o, res, start, teller, afwijzen, &sqlSchrijver{ins: ins, tx: tx})
}

// schrijver stores validated households during an import.
type schrijver interface {
	voegToe(ctx context.Context, id, woonplaats, gegevens, briefadres string) error
	schrijfWeg(ctx context.Context) error                                 // write what is pending
	exec(ctx context.Context, query string, args ...any) error            // in the import's transaction
	aantal(ctx context.Context, query string, args ...any) (int64, error) // a COUNT in the transaction
	commit(ctx context.Context) error
}

// lees reads, checks and hands every row to w; all-or-nothing unless SkipInvalid.
func lees(ctx context.Context, b bron, o ImportOpties, res *ImportResultaat, start time.Time, teller *telLezer,
	afwijzen func(*RijFout, []string, []byte) error, w schrijver) error {
	// Reading and checking (this goroutine's producer) overlaps with writing (the database, or the
	// PostgreSQL server): rows travel in blocks over a small channel.
	type stuk struct{ id, woonplaats, gegevens, briefadres string }
	tel := nieuweTelling(o.Datum)
	const blok = 1024
	blokken := make(chan []stuk, 4)
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	klaarc := make(chan error, 1)
	go func() {
		defer close(blokken)
		klaarc <- func() error {
			laatste := time.Now()
			var gegevens bytes.Buffer
			cw := csv.NewWriter(&gegevens)
			huidig := make([]stuk, 0, blok)
			stuur := func() error {
				if len(huidig) == 0 {
					return nil
				}
				select {
				case blokken <- huidig:
				case <-pctx.Done():
					return pctx.Err()
				}
				huidig = make([]stuk, 0, blok)
				return nil
			}
			for {
				rec, raw, rawJSON, err := b.volgende()
				if err == io.EOF {
					break
				}
				res.Rijen++
				if err == nil {
					err = rec.Valideer(0, o.Datum, o.Gemeente)
					var rf *RijFout
					if errors.As(err, &rf) {
						rf.Regel = regelVan(b, rec, raw)
					}
				}
				if err != nil {
					var rf *RijFout
					if !errors.As(err, &rf) {
						return fmt.Errorf("register: import: %w", err)
					}
					if werr := afwijzen(rf, raw, rawJSON); werr != nil {
						return fmt.Errorf("register: import: afgewezen rij schrijven: %w", werr)
					}
					var ff *fataleFout
					if errors.As(err, &ff) {
						break
					}
					continue
				}
				if res.Afgewezen > 0 && !o.SkipInvalid {
					continue // keep validating, store nothing
				}
				tel.voeg(rec)
				gegevens.Reset()
				if err := cw.Write(rec.Rij()); err != nil {
					return err
				}
				cw.Flush()
				huidig = append(huidig, stuk{rec.ID, rec.H.Woonplaats, strings.TrimSuffix(gegevens.String(), "\n"), rec.BriefadresSleutel()})
				if len(huidig) == blok {
					if err := stuur(); err != nil {
						return err
					}
				}
				if o.Voortgang != nil && res.Rijen%1000 == 0 && time.Since(laatste) > 500*time.Millisecond {
					laatste = time.Now()
					o.Voortgang(voortgang(res.Rijen, teller.n, o.Grootte, start))
				}
				if res.Rijen%4096 == 0 {
					if err := pctx.Err(); err != nil {
						return err
					}
				}
			}
			return stuur()
		}()
	}()
	var schrijfErr error
	for bl := range blokken {
		if schrijfErr != nil {
			continue // drain, so the producer can finish
		}
		for _, st := range bl {
			if err := w.voegToe(ctx, st.id, st.woonplaats, st.gegevens, st.briefadres); err != nil {
				schrijfErr = err
				stop()
				break
			}
		}
	}
	leesErr := <-klaarc // after this, res is ours again
	if schrijfErr != nil {
		return schrijfErr
	}
	if leesErr != nil {
		return leesErr
	}
	if res.Afgewezen > 0 && !o.SkipInvalid {
		return ErrOngeldig
	}
	if err := w.schrijfWeg(ctx); err != nil {
		return err
	}
	gewijzigd, err := w.aantal(ctx, gewijzigdSQL, o.Gemeente, res.ID)
	if err != nil {
		return fmt.Errorf("register: import afronden: %w", err)
	}
	res.Opgeslagen = gewijzigd
	res.Ongewijzigd = res.Rijen - res.Afgewezen - gewijzigd
	peildatum := o.Datum.Format(time.DateOnly)
	for _, g := range tel.groepen() {
		if err := w.exec(ctx, `INSERT INTO register_tijdreeks (gemeente, import_id, peildatum, dimensie, groep, huishoudens)
			VALUES ($1, $2, $3, $4, $5, $6)`, o.Gemeente, res.ID, peildatum, g.Dimensie, g.Groep, g.Huishoudens); err != nil {
			return fmt.Errorf("register: import: tijdreeks: %w", err)
		}
	}
	if err := w.exec(ctx, klaarSQL, res.Rijen, res.Opgeslagen, res.Ongewijzigd, res.Afgewezen,
		time.Now().UTC().Truncate(time.Microsecond), peildatum, o.Gemeente, res.ID); err != nil {
		return fmt.Errorf("register: import afronden: %w", err)
	}
	if err := w.commit(ctx); err != nil {
		return err
	}
	if o.Voortgang != nil {
		o.Voortgang(voortgang(res.Rijen, teller.n, o.Grootte, start))
	}
	return nil
}

func voortgang(rijen, gelezen, grootte int64, start time.Time) Voortgang {
	el := time.Since(start).Seconds()
	v := Voortgang{Rijen: rijen, Bytes: gelezen, Grootte: grootte}
	if el > 0 {
		v.PerSeconde = float64(rijen) / el
	}
	if grootte > 0 && gelezen > 0 && gelezen < grootte {
		v.ETA = time.Duration(el * float64(grootte-gelezen) / float64(gelezen) * float64(time.Second))
	}
	return v
}
