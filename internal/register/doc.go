// Package register is the household register of a gemeente: the households and persons it knows
// (Record: its own household id, the household in the model of package huishouden, a BSN per person),
// read from and written to the import formats of docs/import.md (CSV and JSON, Indeling, ParseRij,
// ParseJSON, NieuweSchrijver), imported in one transaction (Importeer; the import job JobImport), and
// stored per tenant (tables register_huishouden and register_import, migrations 0700–0799).
//
// It is the one place every part reads households from: the scan and the what-if load a Populatie
// (the register at a reference date, column by column, with the target groups Inkomensbron, Leeftijdsgroep and
// woonplaats), vroegsignalering builds its resident index from it (signalen/bewoners), and zaken,
// netwerk and aanvragen read a household here rather than through the scan.
package register
