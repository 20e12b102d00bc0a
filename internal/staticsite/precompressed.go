package staticsite

import (
	"cmp"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
)

// encoding is a content coding the build writes: its token in
// Accept-Encoding and Content-Encoding, and the extension of its files.
type encoding struct{ token, ext string }

// encodings are the content codings served, in the order preferred when
// the browser likes them equally.
var encodings = []encoding{{"br", ".br"}, {"gzip", ".gz"}}

// acceptedCodings returns the codings of encodings the Accept-Encoding
// header acceptEncoding allows, the browser's favourite first (by q-value,
// then in encodings' order).
//
// A coding with q=0 (in any spelling: q=0, Q=0.0, q=0.000) is refused, as
// RFC 9110 says, and so is one whose q-value cannot be read: identity is
// always acceptable, so a doubt costs bytes, never a response the browser
// cannot decode. "*" stands for every coding not named.
func acceptedCodings(acceptEncoding string) []encoding {
	named := map[string]float64{}
	star := 0.0
	for part := range strings.SplitSeq(acceptEncoding, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		switch token {
		case "":
		case "*":
			star = qValue(params)
		default:
			named[token] = qValue(params)
		}
	}
	type choice struct {
		encoding
		q float64
	}
	var choices []choice
	for _, e := range encodings {
		q, ok := named[e.token]
		if !ok {
			q = star
		}
		if q > 0 {
			choices = append(choices, choice{e, q})
		}
	}
	slices.SortStableFunc(choices, func(a, b choice) int { return cmp.Compare(b.q, a.q) })
	out := make([]encoding, len(choices))
	for i, c := range choices {
		out[i] = c.encoding
	}
	return out
}

// qValue reads the q parameter of an Accept-Encoding element's parameters
// (";q=0.5"): 1 without one, 0 when it is not a number from 0 to 1.
func qValue(params string) float64 {
	for param := range strings.SplitSeq(params, ";") {
		name, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

// acceptedSibling returns the compressed sibling of name (a URL path like
// /web/app.wasm) to send for the request's Accept-Encoding, if the build
// wrote one and it is a plain file (see [plainFile]).
func acceptedSibling(root *os.Root, name, acceptEncoding string) (file, coding string) {
	for _, e := range acceptedCodings(acceptEncoding) {
		if _, ok := plainFile(root, strings.TrimPrefix(name+e.ext, "/")); ok {
			return name + e.ext, e.token
		}
	}
	return "", ""
}

// lengthWriter sets the Content-Length of a whole precompressed file.
//
// http.ServeContent leaves Content-Length out of a 200 when
// Content-Encoding is set, because some callers compress on the fly. The
// build's .br and .gz files are sent byte for byte, so their size is the
// length. Without it a browser shows no progress, and the server's
// slow-client write deadline (hosting, which reads Content-Length) cannot
// grow with the file: app.wasm was cut off for anyone below 2 Mbit/s.
// Range responses (206) get their length from ServeContent itself.
type lengthWriter struct {
	http.ResponseWriter
	size  int64
	wrote bool
}

func (w *lengthWriter) WriteHeader(code int) {
	if !w.wrote && code >= 200 {
		w.wrote = true
		if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
			w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *lengthWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
