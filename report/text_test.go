package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/escrowlab/escrowlab/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a small transcript exercising every part of the layout.
func sample() *scenario.Transcript {
	return &scenario.Transcript{
		Scenario: "sample",
		Title:    "Key escrow, by experiment",
		Seed:     42,
		Intro: paras(
			"In 1993 the United States proposed the Clipper chip: a phone encryptor whose keys were copied to two government escrow agents. This run shows, with real cryptography, what that copy means.",
			"Plain words come first on every line; the bytes follow for anyone who wants to check them.",
		),
		Acts: []scenario.Act{
			{
				Number: 1,
				Title:  "A Clipper call",
				Intro:  "Alice calls Bob. Both phones carry a Clipper chip, and each chip's unit key was split between NIST and the Treasury when it was made.",
				Steps: []scenario.Step{
					{
						Actor:  "Alice's phone",
						Action: "Agrees a session key with Bob's phone and sends a Law Enforcement Access Field (LEAF) before the first word of the call.",
						Values: []scenario.Value{
							{Label: "Session key", Bytes: []byte{0x00, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11}},
							{Label: "LEAF", Bytes: seq(0xa0, 16)},
							{Label: "Unit ID", Text: "chip 0x2f4a, made in 1994", Indent: 1},
							{Label: "Wrapped key", Bytes: seq(0x30, 10), Indent: 1},
							{Label: "Checksum", Bytes: []byte{0xbe, 0xef}, Indent: 1},
							{Label: "Mode", Text: "Skipjack in output feedback mode, 80-bit key"},
						},
						Outcome: scenario.Outcome{Kind: scenario.Done, Text: "The call is encrypted and Bob's phone accepts the LEAF."},
						Note:    "The LEAF travels with every call. Anyone who records the call also records a copy of the key, locked only by keys the government holds.",
						Cites:   []int{1, 2},
					},
					{
						Actor:   "Bob's phone",
						Action:  "Checks a LEAF whose checksum has been tampered with.",
						Outcome: scenario.Outcome{Kind: scenario.Refused, Text: "The chip refuses the call."},
						Cites:   []int{3},
					},
					{
						Actor:   "Eve (wiretap)",
						Action:  "Records the call from the network.",
						Values:  []scenario.Value{{Label: "Ciphertext", Bytes: seq(0x01, 48)}},
						Outcome: scenario.Outcome{Kind: scenario.Exposed},
					},
				},
			},
			{
				Number: 2,
				Title:  "A forward-secret call",
				Intro:  "Alice calls Bob again, this time with end-to-end encryption and fresh keys that are wiped when the call ends.",
				Steps: []scenario.Step{
					{
						Actor:   "Alice's phone",
						Action:  "Runs an X25519 handshake and wipes the ephemeral key after the call.",
						Values:  []scenario.Value{{Label: "Ephemeral public key", Bytes: seq(0x40, 32)}, {Label: "Private key", Bytes: []byte{}, Indent: 1}},
						Outcome: scenario.Outcome{Kind: scenario.Sealed, Text: "Eve's recording stays sealed even after Alice's long-term key leaks."},
						Note:    "Nothing that survives the call can unlock it.",
						Table: &scenario.Table{
							Caption: "Recorded calls Eve could read",
							Header:  []string{"Scheme", "Calls read", "Share"},
							Rows: textRows(
								[]string{"Clipper (escrow)", "24/24", "100%"},
								[]string{"Forward-secret E2E", "0/24", "0%"},
								[]string{"Notes", "n/a", "-"},
							),
						},
					},
					{
						Actor:  "Narrator",
						Action: "Pauses.",
					},
				},
			},
		},
		Summary: &scenario.Table{
			Caption: "What leaked",
			Header:  []string{"Leak", "Clipper", "E2E"},
			Rows:    textRows([]string{"One escrow database", "24", "0"}, []string{"A phone's long-term key", "24", "0"}),
		},
		Closing: paras("Escrow turns one leak into every call. Forward secrecy bounds the damage to the calls in progress."),
		References: []scenario.Reference{
			{Number: 1, Short: "FIPS 185 (1994)", Full: "National Institute of Standards and Technology. FIPS PUB 185: Escrowed Encryption Standard. February 1994.", URL: "https://csrc.nist.gov/publications/detail/fips/185/archive/1994-02-09"},
			{Number: 2, Short: "Blaze (1994)", Full: "Matt Blaze. Protocol Failure in the Escrowed Encryption Standard. Proceedings of the 2nd ACM Conference on Computer and Communications Security, 1994."},
			{Number: 3, Short: "Abelson et al. (1997)", Full: "Hal Abelson et al. The Risks of Key Recovery, Key Escrow, and Trusted Third-Party Encryption. 1997.", URL: "https://www.schneier.com/academic/paperfiles/paper-key-escrow.pdf"},
		},
	}
}

// stress is sample with long actors, labels, words and a wide table, to
// push every layout fallback.
func stress() *scenario.Transcript {
	t := sample()
	t.Title = "A deliberately long title that cannot possibly fit on one line at sixty columns wide"
	t.Acts[0].Steps = append(t.Acts[0].Steps,
		scenario.Step{
			Actor:  "The Department of the Treasury, Automated Systems Division (escrow agent 2)",
			Action: "Releases its half of the unit key after reading a warrant that is described here at some length.",
			Values: []scenario.Value{
				{Label: "A label far too long to be kept in the label column at all", Text: "so it stands on a line of its own and this value wraps under the column"},
				{Label: "Key half", Bytes: seq(0x70, 40), Indent: 2},
				{Label: "Sibling", Text: "x", Indent: 1},
			},
			Outcome: scenario.Outcome{Kind: scenario.OutcomeKind(9), Text: "An outcome kind the renderer does not know."},
			Note:    "A https://example.org/an/unbreakable/url/that/is/longer/than/the/space/left/beside/the/label note.",
			Cites:   []int{1, 2, 3},
			Table: &scenario.Table{
				Caption: "A table too wide to fit",
				Header:  []string{"Column with a long header", "Another long header here", "Numbers"},
				Rows: textRows(
					[]string{"a cell with several words in it", "another cell with quite a few words", "1,000,000"},
					[]string{"short", "short", "7"},
				),
			},
		},
		scenario.Step{
			Actor: "X",
			Table: &scenario.Table{
				Header: []string{"Unbreakable", "Columns"},
				Rows:   textRows([]string{"averyveryverylongunbreakablewordnumberone", "averyveryverylongunbreakablewordnumbertwo"}),
			},
		},
	)
	return t
}

func render(t *testing.T, tr *scenario.Transcript, opts TextOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Text(&b, tr, opts); err != nil {
		t.Fatalf("Text: %v", err)
	}
	return b.String()
}

func TestTextGolden(t *testing.T) {
	for _, tc := range []struct {
		file  string
		width int
	}{{"sample.txt", 0}, {"sample-60.txt", 60}} {
		t.Run(tc.file, func(t *testing.T) {
			got := render(t, sample(), TextOptions{Width: tc.width})
			checkGolden(t, filepath.Join("testdata", tc.file), got)
		})
	}
}

// checkGolden compares got with the golden file at path, rewriting the
// file first under -update, and reports the first line that differs.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		t.Errorf("output differs from %s at line %d (run go test -update to accept):\ngot  %q\nwant %q",
			path, i+1, at(g, i), at(w, i))
	}
}

// at returns lines[i], or "(end of output)" past the end.
func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of output)"
}

func TestTextFitsWidth(t *testing.T) {
	for _, tr := range []*scenario.Transcript{sample(), stress(), narrated()} {
		for _, w := range []int{60, 80, 100} {
			for _, color := range []bool{false, true} {
				out := render(t, tr, TextOptions{Width: w, Color: color})
				if again := render(t, tr, TextOptions{Width: w, Color: color}); again != out {
					t.Errorf("width %d color %v: output not deterministic", w, color)
				}
				for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
					plain := stripANSI(line)
					if plain != strings.TrimRight(plain, " ") || line != strings.TrimRight(line, " ") {
						t.Errorf("width %d line %d has trailing spaces: %q", w, i+1, line)
					}
					if cols := uniseg.StringWidth(plain); cols > w && !loneToken(plain) {
						t.Errorf("width %d line %d is %d columns: %q", w, i+1, cols, plain)
					}
				}
			}
		}
	}
}

// loneToken reports whether line is one unbreakable word after its indent,
// possibly following a prefix such as a label, which is the only case in
// which a line may be wider than the width.
func loneToken(line string) bool {
	f := strings.Fields(line)
	return len(f) > 0 && width(f[len(f)-1]) > 40
}

// stripANSI removes SGR escape sequences.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestTextColor(t *testing.T) {
	plain := render(t, stress(), TextOptions{})
	if strings.Contains(plain, "\x1b") {
		t.Error("Color=false output contains an ESC byte")
	}
	colored := render(t, stress(), TextOptions{Color: true})
	for _, want := range []string{"\x1b[1m", "\x1b[1;32m✓", "\x1b[1;33m✗", "\x1b[1;31m!", "\x1b[1;36m■", "\x1b[2;3mWhy it matters:"} {
		if !strings.Contains(colored, want) {
			t.Errorf("Color=true output lacks %q", want)
		}
	}
	if strings.Contains(colored, "\x1b[m") {
		t.Error("Color=true output contains an empty escape sequence")
	}
	if got := stripANSI(colored); got != plain {
		t.Errorf("colour changes the text, not just its style:\n%s", got)
	}
}

func TestBetweenActs(t *testing.T) {
	tr := sample()
	tr.Acts = append(tr.Acts, scenario.Act{Number: 3, Title: "Third act"})
	var seen []int
	var b bytes.Buffer
	err := Text(&b, tr, TextOptions{BetweenActs: func(next scenario.Act, total int) error {
		if total != len(tr.Acts) {
			t.Errorf("BetweenActs told of %d acts, want %d", total, len(tr.Acts))
		}
		if !strings.Contains(b.String(), "ACT "+string(rune('0'+next.Number-1))) {
			t.Errorf("before act %d: the previous act was not written yet", next.Number)
		}
		seen = append(seen, next.Number)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(tr.Acts)-1 || seen[0] != 2 || seen[1] != 3 {
		t.Errorf("BetweenActs saw acts %v, want [2 3]", seen)
	}

	stop := errors.New("reader quit")
	calls := 0
	b.Reset()
	err = Text(&b, tr, TextOptions{BetweenActs: func(scenario.Act, int) error { calls++; return stop }})
	if !errors.Is(err, stop) {
		t.Errorf("Text returned %v, want %v", err, stop)
	}
	if calls != 1 {
		t.Errorf("BetweenActs called %d times after failing, want 1", calls)
	}
	if out := b.String(); !strings.Contains(out, "ACT 1") || strings.Contains(out, "ACT 2") || strings.Contains(out, "--seed") {
		t.Errorf("rendering did not stop after act 1:\n%s", out)
	}
}

// failWriter accepts n bytes and then fails.
type failWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestTextWriteError(t *testing.T) {
	for _, n := range []int{0, 10, 500, 3000} {
		called := false
		opts := TextOptions{BetweenActs: func(scenario.Act, int) error { called = true; return nil }}
		if err := Text(&failWriter{n: n}, sample(), opts); !errors.Is(err, errWrite) {
			t.Errorf("after %d bytes: Text returned %v, want %v", n, err, errWrite)
		}
		if n < 500 && called {
			t.Errorf("after %d bytes: BetweenActs called although writing had failed", n)
		}
	}
}

func TestTextNil(t *testing.T) {
	if err := Text(&bytes.Buffer{}, nil, TextOptions{}); err == nil {
		t.Error("Text(nil transcript) returned no error")
	}
}

func TestQuiz(t *testing.T) {
	tr := sample()
	q := scenario.Question{Prompt: "Will the chip accept it?", Choices: []string{"yes", "no"}, Answer: 1}
	tr.Acts[0].Steps[0].Quiz = &q
	var asked int
	var b bytes.Buffer
	err := Text(&b, tr, TextOptions{Quiz: true, Ask: func(got scenario.Question) error {
		asked++
		if got.Prompt != q.Prompt {
			t.Errorf("asked %q", got.Prompt)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	ques, ans := strings.Index(out, "? Predict: Will the chip accept it?"), strings.Index(out, "→ Answer: b) no (measured in this run)")
	outcome := strings.Index(out, tr.Acts[0].Steps[0].Outcome.Text)
	if asked != 1 || ques < 0 || ans < 0 || outcome < 0 || !(ques < outcome && outcome < ans) {
		t.Fatalf("asked %d times; question at %d, outcome at %d, answer at %d:\n%s", asked, ques, outcome, ans, out)
	}
	// Without quiz mode, no question and no answer.
	b.Reset()
	if err := Text(&b, tr, TextOptions{}); err != nil || strings.Contains(b.String(), "Predict:") {
		t.Fatalf("question shown outside quiz mode (err %v)", err)
	}
	// An error from Ask stops the run.
	stop := errors.New("stop")
	if err := Text(&b, tr, TextOptions{Quiz: true, Ask: func(scenario.Question) error { return stop }}); !errors.Is(err, stop) {
		t.Fatalf("Ask's error not returned: %v", err)
	}
}

// narrated is a transcript a teacher wrote in Chinese and French: no
// spaces between Chinese words, two columns per Chinese character, and
// accents written as combining marks.
func narrated() *scenario.Transcript {
	return &scenario.Transcript{
		Scenario: "narrated",
		Title:    "密钥托管：一次课堂演示，爱丽丝、鲍勃和两个托管机构",
		Intro:    paras("每部电话里都有一块快船芯片。芯片的单元密钥在制造时被分成两半，分别交给两个托管机构保管；窃听器录下每一个电话。"),
		Acts: []scenario.Act{{
			Number: 1,
			Title:  "Un appel te\u0301le\u0301phonique chiffre\u0301",
			Intro:  "Alice appelle Bob. Les deux te\u0301le\u0301phones portent une puce Clipper, et la cle\u0301 de chaque puce a e\u0301te\u0301 de\u0301pose\u0301e en deux moitie\u0301s.",
			Steps: []scenario.Step{{
				Actor:   "爱丽丝的电话芯片",
				Action:  "用会话密钥加密她的话，并在通话前附上执法访问字段（LEAF），其中包含用单元密钥加密的会话密钥。",
				Values:  []scenario.Value{{Label: "爱丽丝说", Text: "鲍勃，董事会星期四对合并进行表决。请不要把这些数字告诉任何人。"}},
				Outcome: scenario.Outcome{Kind: scenario.Exposed, Text: "窃听者拿到两半单元密钥以后，可以读出这个电话以及此前此后的每一个电话。"},
				Note:    "托管密钥不会过期：谁拿到了它，谁就能读过去和将来的通话。",
			}},
		}},
		Summary: &scenario.Table{Header: []string{"方案", "会话", "已打开"}, Rows: [][]scenario.Cell{
			{scenario.Text("快船芯片（密钥托管）"), scenario.Count(16), scenario.Count(16)},
			{scenario.Text("端到端加密，具有前向保密"), scenario.Count(16), scenario.Count(0)},
		}},
	}
}
