package apiv1

// For the external tests (apiv1_test.go), which walk every recorded response with the same rule.
var (
	ContractV1Sleutels = contractV1
	SnakeCase          = snake
)
