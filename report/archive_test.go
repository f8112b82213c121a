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
