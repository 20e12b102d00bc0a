# callprivacy: see README.md. Needs Go 1.26; `make test` also needs Chromium,
# which it installs from Debian's packages when it can (as root) and asks
# for otherwise. Nothing is ever skipped.

GO ?= go

.PHONY: preview serve build check links test fuzz bench brotli chromium axe wasm_exec clean

# go run compiles the command first, silently: a minute or two the very
# first time on a machine, a second afterwards.
FIRST_TIME := @echo "Starting callprivacy (the very first time, Go compiles it first: a minute or two)"

## preview: serve the site at http://127.0.0.1:8001, rebuilt and reloaded
## in the browser whenever a file in content/ or web/ is saved
preview:
	$(FIRST_TIME)
	$(GO) run ./cmd/callprivacy preview $(ARGS)

## serve: build the site from content/ into dist/ and serve it at
## http://127.0.0.1:8000 (ARGS="-dir dist" serves dist/ as it was built)
serve:
	$(FIRST_TIME)
	$(GO) run ./cmd/callprivacy serve $(ARGS)

## build: write the deployable site to dist/ (under the path of site.yaml's url; without one, ARGS="-base /privacy/" for a sub-path)
build:
	$(FIRST_TIME)
	$(GO) run ./cmd/callprivacy build $(ARGS)

## check: check content/ and report every problem as file:line
check:
	$(GO) run ./cmd/callprivacy check

## links: print the links for an intake email, at site.yaml's url
links:
	$(GO) run ./cmd/callprivacy links

# axe-core checks accessibility in the browser tests. It is installed from
# the npm registry into a git-ignored folder, pinned, never committed.
AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js

## test: formatting, vet, unit tests and the browser tests in headless Chromium
# (formatting: every Go file but the git-ignored .cache/, which holds tools
# and a developer's scratch files, as go vet and go test ignore it)
test: chromium $(AXE)
	@unformatted="$$(find . -path ./.cache -prune -o -name '*.go' -print | xargs gofmt -l)"; if [ -n "$$unformatted" ]; then echo "not gofmt-ed: $$unformatted" >&2; exit 1; fi
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz

## fuzz: a short run of every fuzz test (their seed corpora also run in go test)
# Each runs a number of inputs (about 10 s' worth on 2 cores), not a
# duration: with a duration, Go 1.26's fuzzing coordinator can report a bare
# "context deadline exceeded" failure as the time runs out, with no failing
# input (go.dev/issue/75804, fixed in Go 1.27). FUZZX=10 runs ten times as
# many.
FUZZX ?= 1
fuzz:
	$(GO) test -run XXX -fuzz FuzzLoad -fuzztime $$((400 * $(FUZZX)))x ./internal/content
	$(GO) test -run XXX -fuzz FuzzDecode -fuzztime $$((40000 * $(FUZZX)))x ./internal/questionnaire
	$(GO) test -run XXX -fuzz FuzzRepairEscapes -fuzztime $$((150000 * $(FUZZX)))x ./app
	$(GO) test -run XXX -fuzz FuzzUnmarshalInSteps -fuzztime $$((150000 * $(FUZZX)))x ./app
	$(GO) test -run XXX -fuzz FuzzHandlerPath -fuzztime $$((30000 * $(FUZZX)))x ./internal/hosting
	$(GO) test -run XXX -fuzz FuzzEscape -fuzztime $$((30000 * $(FUZZX)))x ./internal/htmlattr
	$(GO) test -run XXX -fuzz FuzzRender -fuzztime $$((20000 * $(FUZZX)))x ./internal/markdown

# need makes sure a command is there: as root it installs Debian's package,
# otherwise it stops and says what to install. Nothing is ever skipped.
# $(1) the command, $(2) the package, $(3) what it is for.
define need
	@if command -v $(1) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing Debian's $(2) $(3)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	else \
		echo "make needs $(1) $(3): install it (Debian: sudo apt-get install $(2)), then run make again." >&2; \
		exit 1; \
	fi
endef

## chromium: make sure headless Chromium is there for the browser tests
## (or set CHROMIUM=/path/to/chromium)
chromium:
	$(if $(CHROMIUM),,$(call need,chromium,chromium,for the browser tests))

## axe: install axe-core for the accessibility tests (make test does this;
## run it once before a plain `go test ./...`)
axe: $(AXE)

$(AXE):
	$(call need,npm,npm,to fetch axe-core for the accessibility tests)
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

# Lighthouse 12 (Node 20; 13 needs Node 22) scores the pages in make bench.
# Like axe-core: from the npm registry, pinned, into a git-ignored folder.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse

## bench: load performance under Lighthouse's mobile profile, against the
## static limit and a go-app hello app (writes cmd/bench/RESULTS.md)
bench: chromium brotli $(LIGHTHOUSE)
	$(GO) run ./cmd/bench $(ARGS)

$(LIGHTHOUSE):
	$(call need,npm,npm,to fetch Lighthouse for the bench)
	npm install --silent --no-audit --no-fund --prefix .cache/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)

# The brotli command measures app.wasm's Brotli size for the report.
brotli:
	$(call need,brotli,brotli,to measure compressed sizes)

## wasm_exec: copy the Go toolchain's wasm_exec.js (after a Go upgrade)
wasm_exec:
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" wasm_exec/wasm_exec.js

clean:
	rm -rf dist
