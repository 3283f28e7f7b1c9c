// Package archtest holds the import rules of Zeker as tests (archtest_test.go): which way imports
// point between the web kit, its parts, the API and the domain packages. docs/architecture.md says the
// same in words; when the two disagree, the test is right. The package has no code of its own.
package archtest
