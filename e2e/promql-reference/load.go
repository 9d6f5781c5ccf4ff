package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/value"
	"github.com/prometheus/prometheus/storage"
)

// One line of a load body: a series' labels and its samples, oldest first.
type seriesLine struct {
	Labels map[string]string `json:"labels"`
	T      []int64           `json:"t"`
	V      []sampleValue     `json:"v"`
	// Indexes into T whose sample is a stale marker (the value at that index is ignored).
	Stale []int `json:"stale"`
}

// A float given as a JSON number or as a string ("NaN", "+Inf", "-Inf", "1e308").
type sampleValue float64

func (v *sampleValue) UnmarshalJSON(b []byte) error {
	var text string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &text); err != nil {
			return err
		}
	} else {
		text = string(b)
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return fmt.Errorf("sample value %s is not a float", b)
	}
	*v = sampleValue(f)
	return nil
}

// Commit every so many samples, so a large load does not hold one huge transaction.
const samplesPerCommit = 200_000

type loadResult struct {
	Series  int `json:"series"`
	Samples int `json:"samples"`
}

// POST /load: newline-delimited seriesLine objects.
func (ref *reference) handleLoad(w http.ResponseWriter, r *http.Request) {
	ref.mu.Lock()
	defer ref.mu.Unlock()
	result, err := ref.load(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_data", err)
		return
	}
	writeJSON(w, result)
}

func (ref *reference) load(r *http.Request) (loadResult, error) {
	var result loadResult
	decoder := json.NewDecoder(bufio.NewReaderSize(r.Body, 1<<20))
	app := ref.db.Appender(context.Background())
	pending := 0
	for {
		var line seriesLine
		if err := decoder.Decode(&line); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			_ = app.Rollback()
			return result, fmt.Errorf("series %d: %w", result.Series+1, err)
		}
		if err := appendSeries(app, line); err != nil {
			_ = app.Rollback()
			return result, fmt.Errorf("series %d %v: %w", result.Series+1, line.Labels, err)
		}
		result.Series++
		result.Samples += len(line.T)
		pending += len(line.T)
		if pending >= samplesPerCommit {
			if err := app.Commit(); err != nil {
				return result, err
			}
			app, pending = ref.db.Appender(context.Background()), 0
		}
	}
	return result, app.Commit()
}

func appendSeries(app storage.Appender, line seriesLine) error {
	if len(line.T) != len(line.V) {
		return fmt.Errorf("%d timestamps but %d values", len(line.T), len(line.V))
	}
	lset := labels.FromMap(line.Labels)
	if lset.IsEmpty() || !lset.IsValid(model.UTF8Validation) {
		return errors.New("labels are empty or not valid UTF-8")
	}
	values := make([]float64, len(line.V))
	for i, v := range line.V {
		values[i] = float64(v)
	}
	for _, i := range line.Stale {
		if i < 0 || i >= len(values) {
			return fmt.Errorf("stale index %d is outside the %d samples", i, len(values))
		}
		values[i] = math.Float64frombits(value.StaleNaN)
	}
	var ref storage.SeriesRef
	for i, t := range line.T {
		var err error
		if ref, err = app.Append(ref, lset, t, values[i]); err != nil {
			return fmt.Errorf("sample at %d: %w", t, err)
		}
	}
	return nil
}
