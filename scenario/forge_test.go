package scenario

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

func TestForgeTranscript(t *testing.T) {
	f, err := attack.NewForger(attack.ForgeConfig{Bits: 8, Workers: 1, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := f.Trials(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	tr := ForgeTranscript(ForgeRun{Bits: 8, Workers: 1, Seed: 4, Forgeries: fs})
	if len(tr.Acts) != 1 || len(tr.Acts[0].Steps) != 4 {
		t.Fatalf("want one act of four steps, got %+v", tr.Acts)
	}
	if k := tr.Acts[0].Steps[3].Outcome.Kind; k != Sealed {
		t.Errorf("decrypt processor outcome %v, want Sealed", k)
	}
	if tr.Summary == nil || !strings.Contains(tr.Summary.Caption, "3 trials") {
		t.Errorf("no statistics over the 3 trials: %+v", tr.Summary)
	}
	// An interrupted run says so and reports the tries made.
	partial := append(fs, attack.Forgery{Tries: 1234, Elapsed: time.Millisecond})
	tr = ForgeTranscript(ForgeRun{Bits: 8, Workers: 1, Seed: 4, Forgeries: partial})
	if !strings.Contains(prose(tr.Closing), "Interrupted: 3 of 4 trials finished") {
		t.Errorf("interrupted run closing: %q", prose(tr.Closing))
	}
	tr = ForgeTranscript(ForgeRun{Bits: 8, Workers: 1, Seed: 4, Forgeries: partial[3:]})
	if o := tr.Acts[0].Steps[1].Outcome; o.Kind != Refused || !strings.Contains(o.Text, "1,234 tries") {
		t.Errorf("unfinished search outcome %+v", o)
	}
}

func TestMatrixTranscript(t *testing.T) {
	m, err := attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 4, Sessions: 10, LeakAfter: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := MatrixTranscript(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Charts) != 2 || tr.Charts[0].Heat == nil || tr.Charts[0].Alt == "" {
		t.Fatalf("charts: %+v", tr.Charts)
	}
	if got, want := len(tr.Summary.Rows), len(attack.LeakIDs()); got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	if got, want := len(tr.Summary.Header), 1+len(attack.SchemeIDs()); got != want {
		t.Fatalf("%d columns, want %d", got, want)
	}
	reading := prose(tr.Closing)
	for _, want := range []string{"opened 10/10 calls under Clipper", "opened 10/10 calls under end-to-end with exceptional access", "opened 0 calls under end-to-end with forward secrecy"} {
		if !strings.Contains(reading, want) {
			t.Errorf("reading lacks %q: %s", want, reading)
		}
	}
	// With only some leaks measured, the reading states only what was measured.
	m, err = attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 3, Sessions: 4, LeakAfter: 2, Seed: 1, Leaks: []attack.LeakID{attack.NoLeak}})
	if err != nil {
		t.Fatal(err)
	}
	if tr, err := MatrixTranscript(m); err != nil || len(tr.Closing) != 0 || len(tr.Summary.Rows) != 1 {
		t.Errorf("filtered matrix: closing %q, %d rows", prose(tr.Closing), len(tr.Summary.Rows))
	}
}
