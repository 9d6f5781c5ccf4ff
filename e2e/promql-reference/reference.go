package main

import (
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/prometheus/prometheus/tsdb"
)

// The head covers this span, so series may be loaded in any order of time within it.
const headSpan = 14 * 24 * time.Hour

// Parser features as promqltest enables them, so every script query also parses here.
var parserOptions = parser.Options{
	EnableExperimentalFunctions:  true,
	ExperimentalDurationExpr:     true,
	EnableExtendedRangeSelectors: true,
	EnableBinopFillModifiers:     true,
}

type reference struct {
	// Queries share the store; load and reset take it alone.
	mu     sync.RWMutex
	dir    string
	db     *tsdb.DB
	engine *promql.Engine
}

func newReference() (*reference, error) {
	ref := &reference{engine: newEngine()}
	if err := ref.openStore(); err != nil {
		return nil, err
	}
	return ref, nil
}

// Engine options as promqltest's test engine has them, with a 5m lookback and a large sample limit.
func newEngine() *promql.Engine {
	return promql.NewEngine(promql.EngineOpts{
		MaxSamples:               500_000_000,
		Timeout:                  10 * time.Minute,
		NoStepSubqueryIntervalFn: func(int64) int64 { return time.Minute.Milliseconds() },
		EnableAtModifier:         true,
		EnableNegativeOffset:     true,
		LookbackDelta:            5 * time.Minute,
		EnableDelayedNameRemoval: true,
		UseStartTimestamps:       true,
		Parser:                   parser.NewParser(parserOptions),
	})
}

func (ref *reference) openStore() error {
	dir, err := os.MkdirTemp("", "promql-reference-")
	if err != nil {
		return err
	}
	opts := tsdb.DefaultOptions()
	opts.MinBlockDuration = headSpan.Milliseconds()
	opts.MaxBlockDuration = headSpan.Milliseconds()
	opts.RetentionDuration = 0
	// No WAL: the reference is rebuilt from the test's samples on every start.
	opts.WALSegmentSize = -1
	db, err := tsdb.Open(dir, nil, nil, opts, nil)
	if err != nil {
		_ = os.RemoveAll(dir)
		return err
	}
	db.DisableCompactions()
	ref.dir, ref.db = dir, db
	return nil
}

func (ref *reference) closeStore() {
	if ref.db != nil {
		_ = ref.db.Close()
		ref.db = nil
	}
	if ref.dir != "" {
		_ = os.RemoveAll(ref.dir)
		ref.dir = ""
	}
}

func (ref *reference) close() {
	ref.mu.Lock()
	defer ref.mu.Unlock()
	ref.closeStore()
}

func (ref *reference) reset() error {
	ref.mu.Lock()
	defer ref.mu.Unlock()
	ref.closeStore()
	return ref.openStore()
}

func (ref *reference) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /load", ref.handleLoad)
	mux.HandleFunc("POST /reset", ref.handleReset)
	mux.HandleFunc("/query", ref.handleInstant)
	mux.HandleFunc("/query_range", ref.handleRange)
	mux.HandleFunc("/time/query", ref.handleTimeInstant)
	mux.HandleFunc("/time/query_range", ref.handleTimeRange)
	mux.HandleFunc("GET /stats", ref.handleStats)
	return mux
}

func (ref *reference) handleReset(w http.ResponseWriter, _ *http.Request) {
	if err := ref.reset(); err != nil {
		writeError(w, http.StatusInternalServerError, "internal", err)
		return
	}
	writeJSON(w, map[string]string{"status": "success"})
}
