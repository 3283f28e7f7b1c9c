//go:build !unix

package netwerk_test

import "time"

// procesCPU is not measured outside unix.
func procesCPU() time.Duration { return 0 }
