# callprivacy: see README.md. Needs Go 1.26; `make test` also needs Chromium,
# which it installs from Debian's packages when it can (as root) and asks
# for otherwise. Nothing is ever skipped.

GO ?= go

.PHONY: serve build check test fuzz bench brotli chromium wasm_exec clean

## serve: build the site from content/ and serve it at http://127.0.0.1:8000
serve:
	$(GO) run ./cmd/callprivacy serve $(ARGS)

## build: write the deployable site to dist/ (ARGS="-base /privacy/" for a sub-path)
build:
	$(GO) run ./cmd/callprivacy build $(ARGS)

## check: check content/ and report every problem as file:line
check:
	$(GO) run ./cmd/callprivacy check

# axe-core checks accessibility in the browser tests. It is installed from
# the npm registry into a git-ignored folder, pinned, never committed.
AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js

## test: formatting, vet, unit tests and the browser tests in headless Chromium
test: chromium $(AXE)
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "not gofmt-ed: $$unformatted" >&2; exit 1; fi
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz

## fuzz: a short run of every fuzz test (their seed corpora also run in go test)
FUZZTIME ?= 10s
fuzz:
	$(GO) test -run XXX -fuzz FuzzLoad -fuzztime $(FUZZTIME) ./content
	$(GO) test -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./internal/questionnaire
	$(GO) test -run XXX -fuzz FuzzRepairEscapes -fuzztime $(FUZZTIME) ./app
	$(GO) test -run XXX -fuzz FuzzHandlerPath -fuzztime $(FUZZTIME) ./internal/hosting

## chromium: make sure headless Chromium is there for the browser tests
chromium:
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "make test needs Chromium for its browser tests." >&2; \
		echo "Install it (Debian: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium, then run make test again." >&2; \
		exit 1; \
	fi

$(AXE):
	@if ! command -v npm >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "make: installing Debian's npm to fetch axe-core for the accessibility tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
		else \
			echo "make test needs npm to fetch axe-core (the accessibility checker) once." >&2; \
			echo "Install it (Debian: sudo apt-get install npm), then run make test again." >&2; \
			exit 1; \
		fi; \
	fi
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

## bench: load performance under Lighthouse's mobile profile, against the
## static limit and a go-app hello app (writes cmd/bench/RESULTS.md)
bench: chromium brotli
	$(GO) run ./cmd/bench $(ARGS)

# The brotli command measures app.wasm's Brotli size for the report.
brotli:
	@if command -v brotli >/dev/null 2>&1; then exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing Debian's brotli to measure compressed sizes"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null; \
	else \
		echo "make bench needs the brotli command: sudo apt-get install brotli" >&2; exit 1; \
	fi

## wasm_exec: copy the Go toolchain's wasm_exec.js (after a Go upgrade)
wasm_exec:
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" wasm_exec/wasm_exec.js

clean:
	rm -rf dist
