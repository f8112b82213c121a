package report

import (
	"encoding/hex"
	"encoding/json"
	"io"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/scenario"
)

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(v)
}

// forgeJSON is the JSON form of a forgery run; docs/json.md describes it.
type forgeJSON struct {
	Schema           string    `json:"schema"`
	Seed             uint64    `json:"seed"`
	Bits             int       `json:"bits"`
	Workers          int       `json:"workers"`
	ExpectedTries    float64   `json:"expected_tries"`
	Trials           int       `json:"trials"`
	Tries            []uint64  `json:"tries"`
	LEAFs            []string  `json:"leafs"`
	MeanTries        float64   `json:"mean_tries"`
	MedianTries      float64   `json:"median_tries"`
	Seconds          []float64 `json:"seconds"`
	TriesPerSecond   float64   `json:"tries_per_second"`
	ReceiverAccepted int       `json:"receiver_accepted"`
	LEFooled         int       `json:"le_fooled"`
	Interrupted      bool      `json:"interrupted"`
	UnfinishedTries  uint64    `json:"unfinished_tries"`
}

// ForgeJSON writes a forgery run as JSON (schema escrowlab.forge/v1).
func ForgeJSON(w io.Writer, run scenario.ForgeRun) error {
	return writeJSON(w, forgeDoc(run.Bits, run.Forgeries, run))
}

func forgeDoc(bits int, fs []attack.Forgery, run scenario.ForgeRun) forgeJSON {
	done := attack.Finished(fs)
	j := forgeJSON{
		Schema: "escrowlab.forge/v1", Seed: run.Seed, Bits: bits, Workers: run.Workers,
		ExpectedTries: attack.ExpectedTries(bits), Trials: len(done),
		Tries: []uint64{}, LEAFs: []string{}, Seconds: []float64{}, TriesPerSecond: attack.Rate(done),
		Interrupted: len(done) < len(fs),
	}
	for _, f := range fs {
		if f.Forged == nil {
			j.UnfinishedTries += f.Tries
			continue
		}
		j.Tries = append(j.Tries, f.Tries)
		j.LEAFs = append(j.LEAFs, hex.EncodeToString(f.Forged))
		j.Seconds = append(j.Seconds, f.Elapsed.Seconds())
	}
	s := attack.Stats(fs)
	j.ReceiverAccepted, j.LEFooled, j.MeanTries, j.MedianTries = s.Accepted, s.Fooled, s.Tries.Mean, s.Tries.Median
	return j
}

// sweepJSON is the JSON form of a sweep; docs/json.md describes it.
type sweepJSON struct {
	Schema         string           `json:"schema"`
	Seed           uint64           `json:"seed"`
	Workers        int              `json:"workers"`
	TrialsPerWidth int              `json:"trials_per_width"`
	Widths         []forgeJSON      `json:"widths"`
	TriesPerSecond float64          `json:"tries_per_second"`
	Projection     []projectionJSON `json:"projection"`
}

type projectionJSON struct {
	Bits          int     `json:"bits"`
	ExpectedTries float64 `json:"expected_tries"`
	Seconds       float64 `json:"seconds"`
}

// SweepJSON writes a sweep as JSON (schema escrowlab.forge-sweep/v1). The
// projection is computed from the measured rate, not measured.
func SweepJSON(w io.Writer, run scenario.SweepRun) error {
	j := sweepJSON{Schema: "escrowlab.forge-sweep/v1", Seed: run.Seed, Workers: run.Workers, TrialsPerWidth: run.Trials, Widths: []forgeJSON{}, TriesPerSecond: run.SweepRate()}
	for _, p := range run.Points {
		d := forgeDoc(p.Bits, p.Forgeries, scenario.ForgeRun{Seed: run.Seed, Workers: run.Workers})
		d.Schema = ""
		j.Widths = append(j.Widths, d)
	}
	for _, bits := range scenario.ProjectedBits() {
		j.Projection = append(j.Projection, projectionJSON{bits, attack.ExpectedTries(bits), attack.ProjectSeconds(bits, j.TriesPerSecond)})
	}
	return writeJSON(w, j)
}

// matrixJSON is the JSON form of an exposure matrix; docs/json.md
// describes it.
type matrixJSON struct {
	Schema        string     `json:"schema"`
	Seed          uint64     `json:"seed"`
	People        int        `json:"people"`
	Sessions      int        `json:"sessions"`
	LeakAfter     int        `json:"leak_after_session"`
	TargetPerson  string     `json:"target_person"`
	TargetSession int        `json:"target_session"`
	Cells         []cellJSON `json:"cells"`
	Interrupted   bool       `json:"interrupted"`
}

type cellJSON struct {
	Leak             string `json:"leak"`
	Scheme           string `json:"scheme"`
	SessionsTotal    int    `json:"sessions_total"`
	SessionsOpened   int    `json:"sessions_opened"`
	OpenedBeforeLeak int    `json:"opened_before_leak"`
	OpenedAfterLeak  int    `json:"opened_after_leak"`
	MetadataExposed  int    `json:"metadata_exposed"`
}

// MatrixJSON writes an exposure matrix as JSON (schema escrowlab.matrix/v1).
func MatrixJSON(w io.Writer, m *attack.Matrix) error {
	j := matrixJSON{
		Schema: "escrowlab.matrix/v1", Seed: m.Config.Seed, People: m.Config.People, Sessions: m.Config.Sessions,
		LeakAfter: m.Config.LeakAfter, TargetPerson: m.Target.Person.Name, TargetSession: m.Target.Session, Cells: []cellJSON{},
		Interrupted: m.Interrupted,
	}
	for _, c := range m.Cells {
		j.Cells = append(j.Cells, cellJSON{string(c.Leak), string(c.Scheme), c.Total, c.Opened, c.OpenedBefore, c.OpenedAfter, c.Metadata})
	}
	return writeJSON(w, j)
}
