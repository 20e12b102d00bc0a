package hosting

import (
	"fmt"
	"io"
	"log"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// maxLogLine is the most of one error message the log keeps, in bytes;
// the rest is replaced by a note of how much was cut.
const maxLogLine = 256

// handshakeError starts the line net/http writes for every failed TLS
// handshake, followed by the client's address, ": " and the reason.
const handshakeError = "http: TLS handshake error from "

// errorLog is what net/http's own error log (http.Server.ErrorLog) and the
// certificate loader write through.
//
// Their lines can carry text the client chose: a failed TLS handshake
// quotes the application protocols (ALPN) the client offered, up to 64 KB
// of them, and every scanner, old browser or idle connection fails one.
// Written as they came, one client filled the log with 21.6 MB in a second
// and a half. So:
//
//   - each failed handshake is only counted, and the count is written once
//     per interval ("12 TLS handshakes failed in the last minute"), with
//     the first reason, which is what an operator needs to see a broken
//     certificate or a misconfigured client;
//   - every line is scrubbed (see [scrub]): no client address, no control
//     character, at most maxLogLine bytes of message.
type errorLog struct {
	out      *log.Logger
	interval time.Duration

	mu     sync.Mutex
	failed int
	first  string
	timer  *time.Timer
}

// newErrorLog writes to w, counting failed handshakes over interval.
func newErrorLog(w io.Writer, interval time.Duration) *errorLog {
	return &errorLog{out: log.New(w, "", log.LstdFlags|log.LUTC), interval: interval}
}

// logger is the *log.Logger to hand net/http and the certificate loader.
func (e *errorLog) logger() *log.Logger { return log.New(e, "", 0) }

// Write takes one message of a log.Logger without flags.
func (e *errorLog) Write(b []byte) (int, error) {
	msg := strings.TrimSuffix(string(b), "\n")
	if rest, ok := strings.CutPrefix(msg, handshakeError); ok {
		_, reason, _ := strings.Cut(rest, ": ")
		e.handshakeFailed(reason)
		return len(b), nil
	}
	e.out.Print(scrub(msg))
	return len(b), nil
}

// handshakeFailed counts one failed handshake, and starts the interval at
// the end of which the count is written if none is running.
func (e *errorLog) handshakeFailed(reason string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.failed == 0 {
		e.first = reason
		e.timer = time.AfterFunc(e.interval, e.flush)
	}
	e.failed++
}

// flush writes the count of failed handshakes, if any, and starts over.
// Serve calls it once more when the server stops, so that no count is
// lost.
func (e *errorLog) flush() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
	if e.failed == 0 {
		return
	}
	noun := "handshakes"
	if e.failed == 1 {
		noun = "handshake"
	}
	e.out.Print(scrub(fmt.Sprintf("http: %d TLS %s failed in the last %s; the first: %s", e.failed, noun, span(e.interval), e.first)))
	e.failed, e.first = 0, ""
}

// span says d for people: "minute", "5 minutes", or Go's notation.
func span(d time.Duration) string {
	switch {
	case d == time.Minute:
		return "minute"
	case d%time.Minute == 0:
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return d.String()
}

// addresses matches IPv4 addresses and bracketed IPv6 addresses (with a
// colon inside, unlike a list such as "[301]"), each with an optional port,
// as net/http prints a client's address.
var addresses = regexp.MustCompile(`\[[0-9A-Fa-f.%\w-]*:[0-9A-Fa-f:.%\w-]*\](:\d+)?|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b`)

// scrub makes an error message fit for the log:
//
//   - client addresses become "[client]": the server logs, for instance,
//     "http2: server connection error from 203.0.113.7:51234: …" for a
//     misbehaving client; the reason is worth keeping, the address is not;
//   - control characters and invalid UTF-8 become \xNN, so that text from
//     a client (ALPN values are arbitrary bytes) cannot forge a line or
//     send escape sequences to the operator's terminal;
//   - the message is cut after maxLogLine bytes, with a note of how many
//     more there were.
func scrub(msg string) string {
	msg = addresses.ReplaceAllString(msg, "[client]")
	var b strings.Builder
	for i := 0; i < len(msg); {
		r, size := utf8.DecodeRuneInString(msg[i:])
		if r == utf8.RuneError && size <= 1 || r < 0x20 || r == 0x7f {
			fmt.Fprintf(&b, `\x%02x`, msg[i])
			i++
			continue
		}
		b.WriteString(msg[i : i+size])
		i += size
	}
	out := b.String()
	if len(out) <= maxLogLine {
		return out
	}
	cut := maxLogLine
	for cut > 0 && !utf8.RuneStart(out[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes not logged)", out[:cut], len(out)-cut)
}
