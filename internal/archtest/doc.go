// Package archtest holds the structure rules of Zeker as tests. The import rules (archtest_test.go):
// which way imports point between the web kit, its parts, the API and the domain packages;
// docs/architecture.md says the same in words, and when the two disagree, the test is right. The size
// rule (omvang_test.go): no non-test Go file over 600 lines unless it is data, named with its reason
// on an allowlist. The package has no code of its own.
package archtest
