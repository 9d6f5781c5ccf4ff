package main

import (
	"encoding/json"
	"net/http"

	jsoniter "github.com/json-iterator/go"
	"github.com/prometheus/prometheus/model/histogram"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/util/jsonutil"
)

// Writes {"status":"success","data":{"resultType","result"},"warnings","infos"} as Prometheus's API does.
func writeQueryResult(w http.ResponseWriter, outcome queryOutcome) {
	stream := jsoniter.ConfigCompatibleWithStandardLibrary.BorrowStream(nil)
	defer jsoniter.ConfigCompatibleWithStandardLibrary.ReturnStream(stream)
	stream.WriteRaw(`{"status":"success","data":{"resultType":`)
	stream.WriteString(string(outcome.value.Type()))
	stream.WriteRaw(`,"result":`)
	writeValue(stream, outcome.value)
	stream.WriteRaw(`}`)
	writeStrings(stream, "warnings", outcome.warnings)
	writeStrings(stream, "infos", outcome.infos)
	stream.WriteRaw(`}`)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(stream.Buffer())
}

func writeStrings(stream *jsoniter.Stream, field string, values []string) {
	if len(values) == 0 {
		return
	}
	stream.WriteMore()
	stream.WriteObjectField(field)
	stream.WriteVal(values)
}

func writeValue(stream *jsoniter.Stream, value any) {
	switch v := value.(type) {
	case promql.Scalar:
		writePoint(stream, v.T, v.V)
	case promql.String:
		stream.WriteArrayStart()
		jsonutil.MarshalTimestamp(v.T, stream)
		stream.WriteMore()
		stream.WriteString(v.V)
		stream.WriteArrayEnd()
	case promql.Vector:
		stream.WriteArrayStart()
		for i, sample := range v {
			if i > 0 {
				stream.WriteMore()
			}
			writeVectorSample(stream, sample)
		}
		stream.WriteArrayEnd()
	case promql.Matrix:
		stream.WriteArrayStart()
		for i, series := range v {
			if i > 0 {
				stream.WriteMore()
			}
			writeSeries(stream, series)
		}
		stream.WriteArrayEnd()
	}
}

func writeVectorSample(stream *jsoniter.Stream, sample promql.Sample) {
	stream.WriteObjectStart()
	writeMetric(stream, sample.Metric)
	stream.WriteMore()
	if sample.H != nil {
		stream.WriteObjectField("histogram")
		writeHistogramPoint(stream, sample.T, sample.H)
	} else {
		stream.WriteObjectField("value")
		writePoint(stream, sample.T, sample.F)
	}
	stream.WriteObjectEnd()
}

func writeSeries(stream *jsoniter.Stream, series promql.Series) {
	stream.WriteObjectStart()
	writeMetric(stream, series.Metric)
	if len(series.Floats) > 0 {
		stream.WriteMore()
		stream.WriteObjectField("values")
		stream.WriteArrayStart()
		for i, p := range series.Floats {
			if i > 0 {
				stream.WriteMore()
			}
			writePoint(stream, p.T, p.F)
		}
		stream.WriteArrayEnd()
	}
	if len(series.Histograms) > 0 {
		stream.WriteMore()
		stream.WriteObjectField("histograms")
		stream.WriteArrayStart()
		for i, p := range series.Histograms {
			if i > 0 {
				stream.WriteMore()
			}
			writeHistogramPoint(stream, p.T, p.H)
		}
		stream.WriteArrayEnd()
	}
	stream.WriteObjectEnd()
}

func writeMetric(stream *jsoniter.Stream, metric labels.Labels) {
	stream.WriteObjectField("metric")
	stream.WriteObjectStart()
	first := true
	metric.Range(func(l labels.Label) {
		if !first {
			stream.WriteMore()
		}
		first = false
		stream.WriteObjectField(l.Name)
		stream.WriteString(l.Value)
	})
	stream.WriteObjectEnd()
}

func writePoint(stream *jsoniter.Stream, t int64, f float64) {
	stream.WriteArrayStart()
	jsonutil.MarshalTimestamp(t, stream)
	stream.WriteMore()
	jsonutil.MarshalFloat(f, stream)
	stream.WriteArrayEnd()
}

func writeHistogramPoint(stream *jsoniter.Stream, t int64, h *histogram.FloatHistogram) {
	stream.WriteArrayStart()
	jsonutil.MarshalTimestamp(t, stream)
	stream.WriteMore()
	jsonutil.MarshalHistogram(h, stream)
	stream.WriteArrayEnd()
}

func writeJSON(w http.ResponseWriter, body any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

// Prometheus's error body: {"status":"error","errorType","error"}.
func writeError(w http.ResponseWriter, status int, errorType string, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "error", "errorType": errorType, "error": err.Error()})
}
