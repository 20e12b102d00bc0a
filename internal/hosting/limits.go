package hosting

import "time"

// MaxHeaderBytes is the http.Server setting for the request's headers. Go
// adds 4096 bytes to it, so the real limits are 12,288 bytes for an
// HTTP/1.1 request line and headers (a longer one gets 431), and 8,512
// bytes for an HTTP/2 header list (counting 32 bytes more per field). The
// site sets no cookie, so real requests are a few hundred bytes.
const MaxHeaderBytes = 8 << 10

// Limits bound what a slow or malicious client can hold of the server,
// and how much of the error log it can fill. The zero value of a field
// means its value in [DefaultLimits].
type Limits struct {
	// ReadHeaderTimeout is how long a connection may take to send its
	// request line and headers (and, over TLS, its handshake).
	ReadHeaderTimeout time.Duration
	// ReadTimeout is how long reading a whole request may take.
	ReadTimeout time.Duration
	// WriteTimeout is how long sending an answer may take when its length
	// is unknown, and the head start every answer gets: see
	// MinDownloadRate.
	WriteTimeout time.Duration
	// IdleTimeout is how long a connection may stay open doing nothing.
	IdleTimeout time.Duration
	// MinDownloadRate, in bytes a second, is the slowest download the
	// server keeps waiting for: an answer of known length may take
	// WriteTimeout plus its length at this rate. See slowClients.
	MinDownloadRate int64
	// LogInterval is how often failed TLS handshakes are reported, as one
	// count: see errorLog.
	LogInterval time.Duration
}

// DefaultLimits are the limits of `callprivacy serve`.
//
// MinDownloadRate is 256 kbit/s, a weak mobile connection: app.wasm
// (1.5 MB with Brotli) then has 30 + 45 seconds, so even a 200 kbit/s line,
// which needs 60, gets the app and the offline copy.
func DefaultLimits() Limits {
	return Limits{
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MinDownloadRate:   32 << 10,
		LogInterval:       time.Minute,
	}
}

// orDefaults returns l with every zero (or negative) field replaced by its
// value in [DefaultLimits].
func (l Limits) orDefaults() Limits {
	d := DefaultLimits()
	pick := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	pick(&l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	pick(&l.ReadTimeout, d.ReadTimeout)
	pick(&l.WriteTimeout, d.WriteTimeout)
	pick(&l.IdleTimeout, d.IdleTimeout)
	pick(&l.LogInterval, d.LogInterval)
	if l.MinDownloadRate <= 0 {
		l.MinDownloadRate = d.MinDownloadRate
	}
	return l
}
