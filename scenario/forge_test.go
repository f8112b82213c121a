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
	for _, want := range []string{"opened 10/10 calls under Clipper", "opened 10/10 calls with exceptional access", "opened 0 calls with forward secrecy", "opened 1 call with static keys"} {
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

// A sweep's chart shows the measured means, the expected 2^w line beside
// them at the rate measured, and a projection that continues that line:
// no measured point is ever part of the projection.
func TestSweepChart(t *testing.T) {
	forgery := func(tries uint64, d time.Duration) attack.Forgery {
		return attack.Forgery{Tries: tries, Elapsed: d, Forged: []byte{1}}
	}
	pts := []attack.SweepPoint{
		{Bits: 8, Forgeries: []attack.Forgery{forgery(200, time.Millisecond), forgery(312, 2*time.Millisecond)}},
		{Bits: 9, Forgeries: []attack.Forgery{forgery(900, 4*time.Millisecond), forgery(124, time.Millisecond)}},
		{Bits: 10, Forgeries: []attack.Forgery{forgery(1024, 5*time.Millisecond), forgery(1024, 3*time.Millisecond)}},
	}
	run := SweepRun{Lo: 8, Hi: 10, Trials: 2, Workers: 1, Points: pts}
	c := sweepChart(run)
	if len(c.Series) != 3 {
		t.Fatalf("%d series, want measured, expected and projected", len(c.Series))
	}
	measured, expected, projected := c.Series[0], c.Series[1], c.Series[2]
	if measured.Dashed || !expected.Dashed || !projected.Dashed {
		t.Errorf("only the measured line may be solid: dashed %v, %v, %v", measured.Dashed, expected.Dashed, projected.Dashed)
	}
	if !strings.Contains(measured.Name, "2 trials") || !strings.Contains(expected.Name, "2^bits") || !strings.Contains(projected.Name, "not measured") {
		t.Errorf("series names %q, %q, %q", measured.Name, expected.Name, projected.Name)
	}
	rate := run.SweepRate()
	for i, p := range measured.Points {
		e := expected.Points[i]
		if e.X != p.X || e.Y != attack.ExpectedTries(int(p.X))/rate {
			t.Errorf("expected point %v beside measured %v: want 2^%v tries at %v tries/s", e, p, p.X, rate)
		}
		if want := attack.Stats(pts[i].Forgeries).MeanSeconds; p.Y != want {
			t.Errorf("measured point %v, want mean %v", p, want)
		}
		for _, q := range projected.Points {
			if q == p {
				t.Errorf("measured point %v is drawn as part of the projection", p)
			}
		}
	}
	if got, want := len(projected.Points), 1+len(ProjectedBits()); got != want || projected.Points[0] != expected.Points[len(expected.Points)-1] {
		t.Errorf("projection %v: want it to start where the expected line ends and reach %v", projected.Points, ProjectedBits())
	}
}
