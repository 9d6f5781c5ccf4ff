package main

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"time"
)

// Most runs one timing request may ask for.
const maxTimedRuns = 10_000

type timingResult struct {
	Runs int `json:"runs"`
	// Wall time of each run (parse, evaluation, close) in nanoseconds, in run order.
	Nanos []int64 `json:"nanos"`
}

func (ref *reference) handleTimeInstant(w http.ResponseWriter, r *http.Request) {
	ref.serveTiming(w, r, false)
}

func (ref *reference) handleTimeRange(w http.ResponseWriter, r *http.Request) {
	ref.serveTiming(w, r, true)
}

// Runs one query n times inside the process, so that HTTP and JSON are not part of the figure.
func (ref *reference) serveTiming(w http.ResponseWriter, r *http.Request, isRange bool) {
	runs, err := strconv.Atoi(r.FormValue("n"))
	if err != nil || runs < 1 || runs > maxTimedRuns {
		writeError(w, http.StatusBadRequest, "bad_data", badData("invalid parameter \"n\": want a run count from 1 to %d", maxTimedRuns))
		return
	}
	spec, apiErr := parseQuerySpec(r, isRange)
	if apiErr != nil {
		writeError(w, statusOf(apiErr.Type), apiErr.Type, apiErr.Err)
		return
	}
	result := timingResult{Runs: runs, Nanos: make([]int64, 0, runs)}
	for range runs {
		took, apiErr := ref.timeQuery(r.Context(), spec)
		if apiErr != nil {
			writeError(w, statusOf(apiErr.Type), apiErr.Type, apiErr.Err)
			return
		}
		result.Nanos = append(result.Nanos, took.Nanoseconds())
	}
	writeJSON(w, result)
}

func (ref *reference) timeQuery(ctx context.Context, spec querySpec) (time.Duration, *apiError) {
	ref.mu.RLock()
	defer ref.mu.RUnlock()
	start := time.Now()
	query, apiErr := ref.newQuery(ctx, spec)
	if apiErr != nil {
		return 0, apiErr
	}
	result := query.Exec(ctx)
	query.Close()
	took := time.Since(start)
	if result.Err != nil {
		return 0, classifyExecError(result.Err)
	}
	return took, nil
}

type storeStats struct {
	HeapAllocBytes uint64 `json:"heapAllocBytes"`
	HeapInuseBytes uint64 `json:"heapInuseBytes"`
	SysBytes       uint64 `json:"sysBytes"`
	HeadSeries     uint64 `json:"headSeries"`
	HeadMinTime    int64  `json:"headMinTime"`
	HeadMaxTime    int64  `json:"headMaxTime"`
}

// GET /stats: heap figures after a full collection, and the head's size.
func (ref *reference) handleStats(w http.ResponseWriter, _ *http.Request) {
	ref.mu.RLock()
	head := ref.db.Head()
	stats := storeStats{HeadSeries: head.NumSeries(), HeadMinTime: head.MinTime(), HeadMaxTime: head.MaxTime()}
	ref.mu.RUnlock()
	// Two collections, so objects freed by finalizers of the first are gone too.
	runtime.GC()
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	stats.HeapAllocBytes, stats.HeapInuseBytes, stats.SysBytes = mem.HeapAlloc, mem.HeapInuse, mem.Sys
	writeJSON(w, stats)
}
