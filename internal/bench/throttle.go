//go:build !wasm

// Package bench measures how the built site loads in headless Chromium under
// Lighthouse's mobile profile (slow 4G, a 4× slower CPU, a small phone's
// screen), next to two baselines: the same pages without any script (the
// "static limit") and the smallest go-app v10 app (the "go-app floor").
//
// The pure parts (medians, ratios, script stripping, budgets, the report)
// are unit-tested; the browser parts are driven by cmd/bench.
package bench

import (
	"fmt"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Throttle is a device and network profile applied through the DevTools
// protocol.
type Throttle struct {
	// LatencyMS is added to every request's round trip.
	LatencyMS float64
	// DownloadBytesPerSec and UploadBytesPerSec cap the throughput.
	DownloadBytesPerSec float64
	UploadBytesPerSec   float64
	// CPUSlowdown slows the page's main thread down (4 means 4× slower).
	CPUSlowdown float64
	// Width, Height, DeviceScale and Mobile describe the screen.
	Width, Height int64
	DeviceScale   float64
	Mobile        bool
}

// LighthouseMobile is Lighthouse's default mobile profile: "slow 4G"
// (150 ms round trip, 1.6 Mbps down, 750 kbps up), a 4× CPU slowdown and a
// Moto G Power-sized screen.
var LighthouseMobile = Throttle{
	LatencyMS:           150,
	DownloadBytesPerSec: 1.6 * 1024 * 1024 / 8,
	UploadBytesPerSec:   750 * 1024 / 8,
	CPUSlowdown:         4,
	Width:               412,
	Height:              823,
	DeviceScale:         1.75,
	Mobile:              true,
}

// Describe says what the profile is, for the report.
func (t Throttle) Describe() string {
	return fmt.Sprintf("network %.0f ms latency, %.1f Mbps down (%.0f B/s), %.0f kbps up (%.0f B/s) "+
		"(Network.emulateNetworkConditions); CPU %g× slower (Emulation.setCPUThrottlingRate); "+
		"viewport %d×%d at %g× device scale, mobile=%t",
		t.LatencyMS, t.DownloadBytesPerSec*8/1024/1024, t.DownloadBytesPerSec,
		t.UploadBytesPerSec*8/1024, t.UploadBytesPerSec,
		t.CPUSlowdown, t.Width, t.Height, t.DeviceScale, t.Mobile)
}

// Network throttles (on) or frees (off) the network of the target it runs
// on. It works on pages and on service workers.
func (t Throttle) Network(on bool) chromedp.Action {
	if !on {
		return network.EmulateNetworkConditions(false, 0, -1, -1)
	}
	return network.EmulateNetworkConditions(false, t.LatencyMS, t.DownloadBytesPerSec, t.UploadBytesPerSec)
}

// CPU slows the page's CPU down (on) or restores it (off).
func (t Throttle) CPU(on bool) chromedp.Action {
	if !on {
		return emulation.SetCPUThrottlingRate(1)
	}
	return emulation.SetCPUThrottlingRate(t.CPUSlowdown)
}

// Screen emulates the profile's screen.
func (t Throttle) Screen() chromedp.Action {
	return emulation.SetDeviceMetricsOverride(t.Width, t.Height, t.DeviceScale, t.Mobile)
}
