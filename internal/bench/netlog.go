//go:build !wasm

package bench

import (
	"net/url"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"
)

// netLog follows the page's requests through the DevTools protocol.
type netLog struct {
	mu   sync.Mutex
	reqs map[network.RequestID]*netReq
}

type netReq struct {
	url       string
	mime      string
	fromSW    bool
	fromCache bool
	encoded   float64
	done      bool
}

func newNetLog() *netLog { return &netLog{reqs: map[network.RequestID]*netReq{}} }

func (l *netLog) get(id network.RequestID) *netReq {
	r := l.reqs[id]
	if r == nil {
		r = &netReq{}
		l.reqs[id] = r
	}
	return r
}

func (l *netLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		l.get(ev.RequestID).url = ev.Request.URL
	case *network.EventResponseReceived:
		r := l.get(ev.RequestID)
		r.mime = ev.Response.MimeType
		r.fromSW = r.fromSW || ev.Response.FromServiceWorker
		r.fromCache = r.fromCache || ev.Response.FromDiskCache || ev.Response.FromPrefetchCache
	case *network.EventRequestServedFromCache:
		l.get(ev.RequestID).fromCache = true
	case *network.EventLoadingFinished:
		r := l.get(ev.RequestID)
		r.encoded, r.done = ev.EncodedDataLength, true
	case *network.EventLoadingFailed:
		l.get(ev.RequestID).done = true
	}
}

func (l *netLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = map[network.RequestID]*netReq{}
}

func (l *netLog) inflight() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.reqs {
		if !r.done && r.url != "" && !strings.HasPrefix(r.url, "data:") {
			n++
		}
	}
	return n
}

// traffic sums what the page's requests fetched over the network.
func (l *netLog) traffic() Traffic {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := Traffic{}
	for _, r := range l.reqs {
		if !r.done || r.fromSW || r.fromCache {
			continue
		}
		p := r.url
		if u, err := url.Parse(r.url); err == nil {
			p = u.Path
		}
		t[KindOf(p, r.mime)] += r.encoded
	}
	return t
}
