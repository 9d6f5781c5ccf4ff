package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/promql/parser"
)

// Prometheus's API refuses range queries with more points per series than this.
const maxPointsPerSeries = 11000

// A query as the Prometheus API receives it; Range is false for an instant query.
type querySpec struct {
	Expr  string
	Range bool
	Time  time.Time
	Start time.Time
	End   time.Time
	Step  time.Duration
}

// An error with its Prometheus API type (bad_data, execution, timeout, canceled, internal).
type apiError struct {
	Type string
	Err  error
}

func (e *apiError) Error() string { return e.Err.Error() }

func badData(format string, args ...any) *apiError {
	return &apiError{Type: "bad_data", Err: fmt.Errorf(format, args...)}
}

// Reads query, time, start, end and step as Prometheus does (times and step in seconds).
func parseQuerySpec(r *http.Request, isRange bool) (querySpec, *apiError) {
	spec := querySpec{Expr: r.FormValue("query"), Range: isRange}
	var err *apiError
	if !isRange {
		spec.Time, err = parseTimeParam(r, "time", time.Now())
		return spec, err
	}
	if spec.Start, err = parseTimeParam(r, "start", time.Time{}); err != nil {
		return spec, err
	}
	if spec.End, err = parseTimeParam(r, "end", time.Time{}); err != nil {
		return spec, err
	}
	if spec.End.Before(spec.Start) {
		return spec, badData("invalid parameter \"end\": end timestamp must not be before start time")
	}
	seconds, parseErr := strconv.ParseFloat(r.FormValue("step"), 64)
	if parseErr != nil || seconds <= 0 {
		return spec, badData("invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer")
	}
	spec.Step = time.Duration(math.Round(seconds*1000)) * time.Millisecond
	if spec.End.Sub(spec.Start)/spec.Step > maxPointsPerSeries {
		return spec, badData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
	}
	return spec, nil
}

func parseTimeParam(r *http.Request, name string, fallback time.Time) (time.Time, *apiError) {
	text := r.FormValue(name)
	if text == "" {
		if fallback.IsZero() {
			return fallback, badData("invalid parameter %q: missing", name)
		}
		return fallback, nil
	}
	seconds, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return time.Time{}, badData("invalid parameter %q: cannot parse %q to a valid timestamp", name, text)
	}
	return time.UnixMilli(int64(math.Round(seconds * 1000))).UTC(), nil
}

// Builds the engine's query; a parse error is bad_data, as in Prometheus's API.
func (ref *reference) newQuery(ctx context.Context, spec querySpec) (promql.Query, *apiError) {
	var query promql.Query
	var err error
	if spec.Range {
		query, err = ref.engine.NewRangeQuery(ctx, ref.db, nil, spec.Expr, spec.Start, spec.End, spec.Step)
	} else {
		query, err = ref.engine.NewInstantQuery(ctx, ref.db, nil, spec.Expr, spec.Time)
	}
	if err != nil {
		return nil, &apiError{Type: "bad_data", Err: err}
	}
	return query, nil
}

// Error types of an evaluation failure, as Prometheus's API assigns them.
func classifyExecError(err error) *apiError {
	var canceled promql.ErrQueryCanceled
	var timeout promql.ErrQueryTimeout
	var storageErr promql.ErrStorage
	switch {
	case errors.As(err, &canceled), errors.Is(err, context.Canceled):
		return &apiError{Type: "canceled", Err: err}
	case errors.As(err, &timeout):
		return &apiError{Type: "timeout", Err: err}
	case errors.As(err, &storageErr):
		return &apiError{Type: "internal", Err: err}
	}
	return &apiError{Type: "execution", Err: err}
}

type queryOutcome struct {
	value    parser.Value
	warnings []string
	infos    []string
}

func (ref *reference) runQuery(ctx context.Context, spec querySpec) (queryOutcome, *apiError) {
	ref.mu.RLock()
	defer ref.mu.RUnlock()
	query, apiErr := ref.newQuery(ctx, spec)
	if apiErr != nil {
		return queryOutcome{}, apiErr
	}
	defer query.Close()
	result := query.Exec(ctx)
	if result.Err != nil {
		return queryOutcome{}, classifyExecError(result.Err)
	}
	warnings, infos := result.Warnings.AsStrings(spec.Expr, 0, 0)
	return queryOutcome{value: result.Value, warnings: warnings, infos: infos}, nil
}

func (ref *reference) handleInstant(w http.ResponseWriter, r *http.Request) {
	ref.serveQuery(w, r, false)
}

func (ref *reference) handleRange(w http.ResponseWriter, r *http.Request) {
	ref.serveQuery(w, r, true)
}

func (ref *reference) serveQuery(w http.ResponseWriter, r *http.Request, isRange bool) {
	spec, apiErr := parseQuerySpec(r, isRange)
	if apiErr == nil {
		var outcome queryOutcome
		if outcome, apiErr = ref.runQuery(r.Context(), spec); apiErr == nil {
			writeQueryResult(w, outcome)
			return
		}
	}
	writeError(w, statusOf(apiErr.Type), apiErr.Type, apiErr.Err)
}

// HTTP status codes of Prometheus's API error types.
func statusOf(errorType string) int {
	switch errorType {
	case "bad_data":
		return http.StatusBadRequest
	case "execution":
		return http.StatusUnprocessableEntity
	case "canceled":
		return 499
	case "timeout":
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
