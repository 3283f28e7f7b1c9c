//go:build unix

package netwerk_test

import (
	"syscall"
	"time"
)

// procesCPU is the CPU time (user and system) this process has used: on a machine shared with other
// work a benchmark's wall time mostly measures the waiting, this what the code itself costs.
func procesCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
