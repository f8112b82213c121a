package report

import (
	"io"
	"path/filepath"
	"time"

	"github.com/escrowlab/escrowlab/attack/archive"
)

// The JSON forms of a capture and a decryption; docs/json.md describes
// every field.
type (
	captureJSON struct {
		Schema   string        `json:"schema"`
		Dir      string        `json:"dir"`
		Archive  string        `json:"archive"`
		Seed     uint64        `json:"seed"`
		Calls    int           `json:"calls"`
		People   int           `json:"people"`
		Schemes  []string      `json:"schemes"`
		Bytes    int64         `json:"bytes"`
		Seconds  float64       `json:"seconds"`
		Workers  int           `json:"workers"`
		CallRate float64       `json:"calls_per_second"`
		Keys     []keyFileJSON `json:"keys"`
	}
	keyFileJSON struct {
		Path   string   `json:"path"`
		Scheme string   `json:"scheme"`
		Kind   string   `json:"kind"`
		Owner  string   `json:"owner"`
		Leaks  []string `json:"leaks"`
	}
	decryptJSON struct {
		Schema      string              `json:"schema"`
		Archive     string              `json:"archive"`
		Calls       int                 `json:"calls"`
		Keys        []string            `json:"keys"`
		Checked     bool                `json:"checked"`
		Split       *time.Time          `json:"split"`
		Schemes     []schemeResultJSON  `json:"schemes"`
		Damaged     int                 `json:"damaged"`
		Damage      []damageJSON        `json:"damage"`
		Truncated   *damageJSON         `json:"truncated"`
		Interrupted bool                `json:"interrupted"`
		Bytes       int64               `json:"bytes"`
		Seconds     float64             `json:"seconds"`
		Workers     int                 `json:"workers"`
		CaptureRate float64             `json:"capture_calls_per_second"`
		Projection  *decryptProjectJSON `json:"projection"`
	}
	schemeResultJSON struct {
		Scheme     string `json:"scheme"`
		Seen       int    `json:"seen"`
		Opened     int    `json:"opened"`
		Identified int    `json:"identified"`
		Wrong      int    `json:"wrong"`
		Unreadable int    `json:"unreadable"`
		Before     int    `json:"opened_before"`
		After      int    `json:"opened_after"`
	}
	damageJSON struct {
		Record int    `json:"record"`
		Offset int64  `json:"offset"`
		Lost   int    `json:"lost"`
		Reason string `json:"reason"`
	}
	decryptProjectJSON struct {
		Calls          int     `json:"calls"`
		CaptureSeconds float64 `json:"capture_seconds"`
		DecryptSeconds float64 `json:"decrypt_seconds"`
	}
)

// CaptureJSON writes what a capture wrote as escrowlab.capture/v1.
func CaptureJSON(w io.Writer, rep *archive.CaptureReport) error {
	j := captureJSON{Schema: "escrowlab.capture/v1", Dir: rep.Dir, Archive: rep.Header.Archive, Seed: rep.Seed, Calls: rep.Header.Sessions, People: len(rep.Header.People),
		Schemes: []string{}, Bytes: rep.Bytes, Seconds: rep.Elapsed.Seconds(), Workers: rep.Workers, CallRate: rep.CallRate, Keys: []keyFileJSON{}}
	for _, s := range rep.Header.Schemes {
		j.Schemes = append(j.Schemes, string(s.ID))
	}
	for _, k := range rep.Keys {
		j.Keys = append(j.Keys, keyFileJSON{Path: filepath.Join(rep.Dir, filepath.FromSlash(k.Path)), Scheme: string(k.Scheme), Kind: k.Kind, Owner: k.Owner, Leaks: k.Leaks})
	}
	return writeJSON(w, j)
}

// DecryptJSON writes a decryption's report as escrowlab.decrypt/v1.
func DecryptJSON(w io.Writer, rep *archive.DecryptReport, opts DecryptOptions) error {
	j := decryptJSON{Schema: "escrowlab.decrypt/v1", Archive: rep.Archive.Archive, Calls: rep.Calls, Keys: nonNil(rep.Keys), Checked: rep.Checked,
		Schemes: []schemeResultJSON{}, Damaged: rep.Damaged, Damage: []damageJSON{}, Interrupted: rep.Interrupted, Bytes: rep.Bytes,
		Seconds: rep.Elapsed.Seconds(), Workers: rep.Workers, CaptureRate: opts.CaptureRate}
	if !rep.Split.IsZero() {
		j.Split = &rep.Split
	}
	for _, s := range rep.Schemes {
		j.Schemes = append(j.Schemes, schemeResultJSON{string(s.Scheme), s.Seen, s.Opened, s.Identified, s.Wrong, s.Malformed, s.Before, s.After})
	}
	for _, d := range rep.Damage {
		j.Damage = append(j.Damage, damageJSON{d.Record, d.Offset, d.Lost, d.Err.Error()})
	}
	if d := rep.Truncated; d != nil {
		j.Truncated = &damageJSON{d.Record, d.Offset, d.Lost, d.Err.Error()}
	}
	if rate := float64(rep.Calls) / rep.Elapsed.Seconds(); opts.Project > 0 && opts.CaptureRate > 0 && rate > 0 {
		n := float64(opts.Project)
		j.Projection = &decryptProjectJSON{opts.Project, n / opts.CaptureRate, n / rate}
	}
	return writeJSON(w, j)
}
