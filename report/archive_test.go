package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/attack/archive"
)

// archiveReports captures a small archive, damages a copy of it (one bit
// flipped, the end cut off) and decrypts that, so that every field of both
// reports is filled in.
func archiveReports(t *testing.T) (*archive.CaptureReport, *archive.DecryptReport) {
	t.Helper()
	dir := t.TempDir()
	cfg := archive.CaptureConfig{People: 3, Sessions: 12, Days: 3, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID}}
	capt, err := archive.Capture(context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, archive.ArchiveFile))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Clone(data[:len(data)-40])
	bad[len(bad)/2] ^= 0x10
	path := filepath.Join(dir, "damaged.ewt")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range capt.Keys {
		keys = append(keys, filepath.Join(dir, k.Path))
	}
	dec, err := archive.Decrypt(context.Background(), path, archive.DecryptConfig{Keys: keys, Truth: filepath.Join(dir, archive.TruthFile), Split: cfg.Start.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if dec.Damaged == 0 || dec.Truncated == nil {
		t.Fatalf("the damaged copy read without damage: %+v", dec)
	}
	return capt, dec
}

func TestArchiveJSONFieldsDocumented(t *testing.T) {
	capt, dec := archiveReports(t)
	var b bytes.Buffer
	if err := CaptureJSON(&b, capt); err != nil {
		t.Fatal(err)
	}
	compareFields(t, "escrowlab.capture/v1", jsonPaths(t, b.Bytes()))
	b.Reset()
	if err := DecryptJSON(&b, dec, DecryptOptions{CaptureRate: 100, Project: 1000}); err != nil {
		t.Fatal(err)
	}
	compareFields(t, "escrowlab.decrypt/v1", jsonPaths(t, b.Bytes()))
}

// The text report names the damage it skipped and compares decryption
// with capture.
func TestDecryptText(t *testing.T) {
	_, dec := archiveReports(t)
	var b bytes.Buffer
	if err := DecryptText(&b, dec, DecryptOptions{CaptureRate: 100, Project: 1000}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Skipped 1 damaged stretch ", "at byte ", "Projection, not measured: 1,000 calls", "times as fast as capturing it", "Opened before"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

// The closing comparison draws the lesson only when decrypting was
// measured at least twice as fast as capturing, and counts read as
// people read them whatever the numbers.
func TestDecryptTextCompare(t *testing.T) {
	tests := []struct {
		name        string
		calls       int
		elapsed     time.Duration
		keys        int
		workers     int
		captureRate float64
		project     int
		want        []string
		never       []string
	}{
		{"much faster", 10_000, time.Second, 3, 2, 100, 1000,
			[]string{"ran 100 times as fast as capturing it. Recording is the expensive part", "1,000 calls would take", "on 2 cores"},
			[]string{"took"}},
		{"a little faster", 150, time.Second, 3, 2, 100, 0,
			[]string{"decrypting ran only 1.5 times as fast as capturing here: with 3 key files on 2 cores"},
			[]string{"Recording is the expensive part"}},
		{"as fast", 100, time.Second, 1, 1, 100, 0,
			[]string{"decrypting took about as long as capturing here: with 1 key file on 1 core"},
			[]string{"Recording is the expensive part", "times as fast"}},
		{"slower", 20, time.Second, 40, 1, 74.34, 1,
			[]string{"decrypting took 3.7 times as long as capturing here", "at 74.3 calls/s", "1 call would take", "on 1 core:", "on 1 core."},
			[]string{"Recording is the expensive part", "0 times", "1 cores", "1 calls", " 0 MB/s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &archive.DecryptReport{Archive: archive.Header{Archive: "a1", Sessions: tt.calls, People: []string{"alice", "bob"}},
				Keys: make([]string, tt.keys), Calls: tt.calls, Elapsed: tt.elapsed, Workers: tt.workers, Bytes: 140_000}
			var b bytes.Buffer
			if err := DecryptText(&b, rep, DecryptOptions{CaptureRate: tt.captureRate, Project: tt.project}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("the report lacks %q:\n%s", want, out)
				}
			}
			for _, never := range tt.never {
				if strings.Contains(out, never) {
					t.Errorf("the report says %q:\n%s", never, out)
				}
			}
		})
	}
}

// A capture of one call on one core says so in the singular.
func TestCaptureTextSingular(t *testing.T) {
	rep := &archive.CaptureReport{Header: archive.Header{Archive: "a1", Sessions: 1, People: []string{"alice", "bob"}},
		Workers: 1, CallRate: 0.5, Elapsed: 2 * time.Second, Dir: "city"}
	var b bytes.Buffer
	if err := CaptureText(&b, rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Captured 1 call among 2 people", "on 1 core (0.5 calls/s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}
