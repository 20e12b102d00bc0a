//go:build !wasm

package bench

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// cpuTimes reads the machine's total and idle CPU time from /proc/stat.
func cpuTimes() (total, idle float64, ok bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	fields := strings.Fields(line)
	if len(fields) < 5 || fields[0] != "cpu" {
		return 0, 0, false
	}
	for i, f := range fields[1:] {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return 0, 0, false
		}
		total += v
		if i == 3 || i == 4 { // idle, iowait
			idle += v
		}
	}
	return total, idle, true
}

// WaitIdle waits until the machine's CPUs have been at least minIdle idle
// (0.9 = 90 %) over a window, or until timeout. A freshly started browser
// keeps the CPUs busy for a moment; measuring a page meanwhile adds noise
// that a 4× CPU slowdown magnifies. It reports whether the machine became
// idle.
func WaitIdle(minIdle float64, window, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	t0, i0, ok := cpuTimes()
	if !ok {
		return false
	}
	for time.Now().Before(deadline) {
		time.Sleep(window)
		t1, i1, ok := cpuTimes()
		if !ok {
			return false
		}
		if t1 > t0 && (i1-i0)/(t1-t0) >= minIdle {
			return true
		}
		t0, i0 = t1, i1
	}
	return false
}
