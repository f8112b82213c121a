package report

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/scenario"
)

// jsonPaths lists every field path in a JSON document: "acts[].steps[].actor".
func jsonPaths(t *testing.T, data []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				p := strings.TrimPrefix(prefix+"."+k, ".")
				set[p] = true
				walk(p, c)
			}
		case []any:
			for _, c := range x {
				walk(prefix+"[]", c)
			}
		}
	}
	walk("", v)
	var out []string
	for p := range set {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// documentedPaths reads the field paths listed in docs/json.md under the
// heading for schema: every code span in the first column of its table.
func documentedPaths(t *testing.T, schema string) []string {
	t.Helper()
	doc, err := os.ReadFile("../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## `"+schema+"`")
	if !ok {
		t.Fatalf("docs/json.md has no section for %s", schema)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var out []string
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		first := strings.Split(line, "|")[1]
		for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(first, -1) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// repeats are documented structures that recur inside others: a step's
// figure is a chart, and an envelope's inner layer is an envelope. An
// emitted path inside one is checked against the structure it repeats.
var repeats = strings.NewReplacer("acts[].steps[].figure.", "charts[].", "envelope.items[].inner.", "envelope.")

// unrepeated maps a path to the documented path it repeats, if any.
func unrepeated(p string) string {
	for {
		q := repeats.Replace(p)
		if q == p {
			return p
		}
		p = q
	}
}

func compareFields(t *testing.T, schema string, emitted []string) {
	t.Helper()
	documented := documentedPaths(t, schema)
	for i, p := range emitted {
		emitted[i] = unrepeated(p)
	}
	slices.Sort(emitted)
	emitted = slices.Compact(emitted)
	for _, p := range emitted {
		if !slices.Contains(documented, p) {
			t.Errorf("%s: field %q is emitted but not documented in docs/json.md", schema, p)
		}
	}
	for _, p := range documented {
		if !slices.Contains(emitted, p) {
			t.Errorf("%s: field %q is documented but not emitted", schema, p)
		}
	}
}

func TestJSONFieldsDocumented(t *testing.T) {
	// Transcripts: the tour and a sweep between them use every field.
	tour, err := scenario.Lookup("tour")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := tour.Run(context.Background(), scenario.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	cfg := attack.ForgeConfig{Seed: 1}
	pts, err := attack.Sweep(context.Background(), cfg, 8, 9, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	sweep := scenario.SweepRun{Lo: 8, Hi: 9, Trials: 1, Workers: 1, Seed: 1, Points: pts}
	var paths []string
	for _, tt := range []*scenario.Transcript{tr, scenario.SweepTranscript(sweep)} {
		var b bytes.Buffer
		if err := TranscriptJSON(&b, tt); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, jsonPaths(t, b.Bytes())...)
	}
	slices.Sort(paths)
	compareFields(t, "escrowlab.transcript/v2", slices.Compact(paths))

	m, err := attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 3, Sessions: 4, LeakAfter: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := MatrixJSON(&b, m); err != nil {
		t.Fatal(err)
	}
	compareFields(t, "escrowlab.matrix/v1", jsonPaths(t, b.Bytes()))

	f, err := attack.NewForger(attack.ForgeConfig{Bits: 8, Workers: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := f.Trials(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := ForgeJSON(&b, scenario.ForgeRun{Bits: 8, Workers: 1, Seed: 1, Forgeries: fs}); err != nil {
		t.Fatal(err)
	}
	compareFields(t, "escrowlab.forge/v1", jsonPaths(t, b.Bytes()))
	var doc forgeJSON
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for i, f := range fs {
		if i >= len(doc.LEAFs) || doc.LEAFs[i] != hex.EncodeToString(f.Forged) {
			t.Errorf("forgery %d: leafs %v, want %x", i, doc.LEAFs, f.Forged)
		}
	}

	b.Reset()
	if err := SweepJSON(&b, sweep); err != nil {
		t.Fatal(err)
	}
	compareFields(t, "escrowlab.forge-sweep/v1", jsonPaths(t, b.Bytes()))
}

func TestTranscriptJSONValues(t *testing.T) {
	var b bytes.Buffer
	if err := TranscriptJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var j transcriptJSON
	if err := json.Unmarshal(b.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if j.Schema != TranscriptSchema || j.Acts[0].Steps[0].Number != "1.1" || j.Acts[0].Steps[0].Outcome.Kind == "" {
		t.Fatalf("unexpected document: %+v", j.Acts[0].Steps[0])
	}
	if err := TranscriptJSON(&b, nil); err == nil {
		t.Fatal("nil transcript accepted")
	}
}
