package staticsite

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// BuildWasm compiles the browser app (./cmd/callprivacy for GOOS=js
// GOARCH=wasm) from the module at moduleDir into file, with goCmd ("" is
// "go" from PATH).
//
// The first compile on a machine takes about a minute; after that Go's
// build cache makes it a second or two. A therapist who runs `make serve`
// for the first time would otherwise see nothing for that minute, so when
// progress is not nil and the compile is not over within a few seconds,
// BuildWasm says what it is doing there and shows a dot every few seconds.
func BuildWasm(goCmd, moduleDir, file string, progress io.Writer) error {
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", file, "./cmd/callprivacy")
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	done := make(chan struct{})
	reported := make(chan struct{})
	if progress != nil {
		start := time.Now()
		ticker := time.NewTicker(3 * time.Second)
		defer ticker.Stop()
		go func() {
			reportProgress(progress, done, ticker.C, func() time.Duration { return time.Since(start) })
			close(reported)
		}()
	} else {
		close(reported)
	}
	out, err := cmd.CombinedOutput()
	close(done)
	<-reported
	if err != nil {
		return fmt.Errorf("building app.wasm: %v\n%s", err, out)
	}
	return nil
}

// reportProgress writes to w while a long step runs: a line saying what
// happens at the first tick, a dot at each later one, and how long it took
// once done is closed. A step over before the first tick says nothing.
func reportProgress(w io.Writer, done <-chan struct{}, tick <-chan time.Time, elapsed func() time.Duration) {
	said := false
	for {
		select {
		case <-done:
			if said {
				fmt.Fprintf(w, " done (%.0f s)\n", elapsed().Seconds())
			}
			return
		case <-tick:
			if !said {
				fmt.Fprint(w, "Compiling the app (about a minute the first time; later builds take seconds) ")
				said = true
			}
			fmt.Fprint(w, ".")
		}
	}
}

// copyFile copies the file src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
