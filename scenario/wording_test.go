package scenario

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// Counts of one take the singular; the statistics never run two numbers
// with thousands separators together.
func TestWordingForgeCounts(t *testing.T) {
	unfinished := attack.Forgery{Tries: 1234, Elapsed: time.Millisecond}
	tr := ForgeTranscript(ForgeRun{Bits: 8, Workers: 1, Seed: 4, Forgeries: []attack.Forgery{unfinished}})
	if got := prose(tr.Closing); !strings.Contains(got, "Interrupted: 0 of 1 trial finished, after 1,234 tries in all.") {
		t.Errorf("closing %q", got)
	}
	one := attack.Forgery{Tries: 1, Elapsed: time.Millisecond, Forged: make([]byte, 16)}
	if o := forgeSteps(one, 8, 1, "Mallory")[1].Outcome; !strings.HasSuffix(o.Text, "after 1 try") {
		t.Errorf("outcome %q", o.Text)
	}
	table := trialTable([]attack.Forgery{{Tries: 348, Forged: []byte{1}}, {Tries: 294518, Forged: []byte{1}}}, 16)
	rows := map[string]string{}
	for _, r := range table.Rows {
		rows[r[0].String()] = r[1].String()
	}
	if rows["fewest tries"] != "348" || rows["most tries"] != "294,518" {
		t.Errorf("trial table rows %q", table.Rows)
	}
	if table := trialTable([]attack.Forgery{{Tries: 9, Forged: []byte{1}}}, 8); table.Caption != "Over 1 trial" {
		t.Errorf("caption %q", table.Caption)
	}
}

// An interrupted sweep says it was interrupted, and how far it got.
func TestWordingInterruptedSweep(t *testing.T) {
	done := attack.Forgery{Tries: 200, Elapsed: time.Millisecond, Forged: []byte{1}}
	pts := []attack.SweepPoint{{Bits: 8, Forgeries: []attack.Forgery{done, done}}, {Bits: 9, Forgeries: []attack.Forgery{done}}}
	tr := SweepTranscript(SweepRun{Lo: 8, Hi: 12, Trials: 2, Workers: 1, Points: pts})
	o := tr.Acts[0].Steps[0].Outcome
	if o.Kind != Refused || o.Text != "interrupted: 1 of 5 widths measured in full" {
		t.Errorf("interrupted sweep outcome %+v", o)
	}
	tr = SweepTranscript(SweepRun{Lo: 8, Hi: 8, Trials: 1, Workers: 1, Points: pts[1:]})
	if o := tr.Acts[0].Steps[0].Outcome; o.Kind != Done || o.Text != "1 width measured" {
		t.Errorf("finished sweep outcome %+v", o)
	}
	if !strings.Contains(prose(tr.Intro), "1 trial per width") {
		t.Errorf("intro %q", prose(tr.Intro))
	}
}

// A scenario with one background call of one message, one day long, and
// a leak that opens one session, says so in the singular.
func TestWordingScenarioCounts(t *testing.T) {
	spec, err := Parse("one.yaml", []byte(`title: One of everything
cast: [Alice, Bob]
schemes: [e2e-fs]
traffic: {sessions: 1, messages: 1, days: 1}
events:
  - day: 0
    call: {from: Alice, to: Bob, say: [hi]}
  - day: 0
    leak: session-key
expect:
  - {scheme: e2e-fs, opens: 1}
`))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := RunSpec(context.Background(), spec, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if intro := prose(tr.Intro); !strings.Contains(intro, "2 people over 1 day, with 1 background call of 1 message each") {
		t.Errorf("intro %q", intro)
	}
	var outcomes []string
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			outcomes = append(outcomes, s.Outcome.Text)
		}
	}
	if !strings.Contains(strings.Join(outcomes, "\n"), "opened 1 call in all,") {
		t.Errorf("outcomes %q", outcomes)
	}
}

// The warrant-overreach quiz splits the sessions at the moment the officer
// got keys: there is no leak in that story.
func TestWordingWarrantQuiz(t *testing.T) {
	s, err := Lookup("warrant-overreach")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := s.Run(context.Background(), Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var choices []string
	for _, a := range tr.Acts {
		for _, st := range a.Steps {
			if st.Quiz != nil {
				choices = append(choices, st.Quiz.Choices...)
			}
		}
	}
	all := strings.Join(choices, "\n")
	if strings.Contains(all, "leak") || !strings.Contains(all, "only those made after officer got keys") {
		t.Errorf("choices:\n%s", all)
	}
}

// The matrix intro counts people, calls and schemes in the right form.
func TestWordingMatrixIntro(t *testing.T) {
	m, err := attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 2, Sessions: 1, LeakAfter: 1, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID}})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := MatrixTranscript(m)
	if err != nil {
		t.Fatal(err)
	}
	if intro := prose(tr.Intro); !strings.Contains(intro, "2 people made 1 call, each recorded under 1 scheme;") {
		t.Errorf("intro %q", intro)
	}
}
