package staticsite

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReportProgress drives the progress report with ticks by hand: what
// the therapist sees while the app compiles for the first time, and that a
// quick compile says nothing.
func TestReportProgress(t *testing.T) {
	tests := []struct {
		name  string
		ticks int
		want  string
	}{
		{name: "over before the first tick", ticks: 0, want: ""},
		{name: "one tick", ticks: 1, want: "Compiling the app (about a minute the first time; later builds take seconds) . done (42 s)\n"},
		{name: "three ticks", ticks: 3, want: "Compiling the app (about a minute the first time; later builds take seconds) ... done (42 s)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			done, tick, finished := make(chan struct{}), make(chan time.Time), make(chan struct{})
			go func() {
				reportProgress(&out, done, tick, func() time.Duration { return 42 * time.Second })
				close(finished)
			}()
			for range tt.ticks {
				tick <- time.Time{}
			}
			close(done)
			<-finished
			require.Equal(t, tt.want, out.String())
		})
	}
}
