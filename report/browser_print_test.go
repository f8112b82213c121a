package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/escrowlab/escrowlab/scenario"
)

// probeScript marks, for the printed PDF, where things land: it wraps the
// label of every act ("Act 3"), the rest of its heading, and the first
// thing after the heading in links to https://probe.test/label/N,
// /title/N and /next/N, which Chromium prints as link annotations on the
// page where each piece lands. On a worksheet it marks the last question
// and the answer key's heading the same way. The probes take no room: they
// wrap text that is there already, and print no URL after themselves.
const probeScript = `(() => {
	const style = document.createElement("style");
	style.textContent = "a.probe::after { content: none !important; }";
	document.head.append(style);
	const wrap = (nodes, path) => {
		const a = document.createElement("a");
		a.className = "probe";
		a.href = "https://probe.test/" + path;
		nodes[0].before(a);
		a.append(...nodes);
	};
	let n = 0;
	document.querySelectorAll("section.act").forEach((act, i) => {
		const h = act.querySelector("h2");
		const label = h.querySelector(".act-no");
		wrap([...label.childNodes], "label/" + (i + 1));
		wrap([...h.childNodes].filter(c => c !== label), "title/" + (i + 1));
		const next = act.querySelector(".act-intro, .step-no");
		const intro = act.querySelector(".act-intro");
		if (intro) {
			const text = [...intro.childNodes].filter(c => c.nodeType === Node.TEXT_NODE && c.data.trim()).pop();
			if (text) {
				const at = text.data.trimEnd().lastIndexOf(" ");
				if (at > 0) wrap([text.splitText(at + 1)], "intro-end/" + (i + 1));
			}
		}
		if (next) wrap([...next.childNodes].filter(c => !c.classList || !c.classList.contains("probe")), "next/" + (i + 1));
		const step = act.querySelector(".step-no");
		if (step && step !== next) wrap([...step.childNodes], "step/" + (i + 1));
		n++;
	});
	const qs = document.querySelectorAll(".question .prompt");
	if (qs.length) wrap([...qs[qs.length - 1].childNodes], "last-question");
	const key = document.querySelector(".key h1, .key h2");
	if (key) wrap([...key.childNodes], "key");
	return n;
})()`

// printPages prints the page shown on A4 paper, as a reader would, and
// returns the page number on which each probe landed.
func (b *browser) printPages(t *testing.T, name string) map[string]int {
	t.Helper()
	if _, err := chromedp.Run(b.tab, chromedp.Evaluate[int](probeScript)); err != nil {
		t.Fatalf("%s: marking the page: %v", name, err)
	}
	pdf, err := chromedp.Call(b.tab, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		t.Fatalf("%s: printing: %v", name, err)
	}
	t.Logf("%s: printed %s", name, b.keep(t, name+".pdf", pdf.Data))
	pages, err := pdfLinkPages(pdf.Data)
	if err != nil {
		t.Fatalf("%s: reading the printed PDF: %v", name, err)
	}
	return pages
}

// Printed, an act's label ("Act 3") never sits on one page and its
// heading on the next, and the heading is never left at the foot of a
// page without what follows it; an act's intro is never split between
// pages, nor left at the foot of one with the act's first step on the
// next. Acts of many lengths put headings at every height of a page; the
// tour is printed too. A worksheet's answer key starts a page of its own.
func TestHTMLPrintLayout(t *testing.T) {
	b := newBrowser(t)
	for _, p := range []struct {
		name string
		t    *scenario.Transcript
	}{{"tour-print", htmlTour(t)}, {"acts-print", manyActs()}} {
		var html bytes.Buffer
		if err := HTML(&html, p.t); err != nil {
			t.Fatal(err)
		}
		b.open(t, p.name, html.Bytes(), "print", 794, 1123)
		at := b.printPages(t, p.name)
		for i := range p.t.Acts {
			n := strconv.Itoa(i + 1)
			label, title, next := at["label/"+n], at["title/"+n], at["next/"+n]
			switch {
			case label == 0 || title == 0 || next == 0:
				t.Errorf("%s, act %s: label, title or what follows not found in the PDF (pages %d, %d, %d)", p.name, n, label, title, next)
			case label != title:
				t.Errorf("%s, act %s: its label is printed on page %d, its heading on page %d", p.name, n, label, title)
			case title != next:
				t.Errorf("%s, act %s: its heading ends page %d; what follows it starts page %d", p.name, n, title, next)
			}
			if end, ok := at["intro-end/"+n]; ok && end != next {
				t.Errorf("%s, act %s: its intro starts on page %d and ends on page %d", p.name, n, next, end)
			}
			if step, ok := at["step/"+n]; ok && step != title {
				t.Errorf("%s, act %s: its heading and intro are on page %d, its first step on page %d", p.name, n, title, step)
			}
		}
		b.done(t, p.name)
	}

	// The answer key starts a new page, even when it would fit under the
	// last question, as it would under one short question.
	one := sample()
	one.Acts[0].Steps[1].Quiz = &scenario.Question{Prompt: "Does the chip accept it?", Choices: []string{"yes", "no"}, Answer: 1}
	for _, w := range []struct {
		name string
		t    *scenario.Transcript
	}{{"worksheet-print", htmlTour(t)}, {"worksheet-one-print", one}} {
		var ws bytes.Buffer
		if err := HTMLWorksheet(&ws, w.t, WorksheetOptions{}); err != nil {
			t.Fatal(err)
		}
		b.open(t, w.name, ws.Bytes(), "print", 794, 1123)
		at := b.printPages(t, w.name)
		if last, key := at["last-question"], at["key"]; last == 0 || key <= last {
			t.Errorf("%s: the last question is printed on page %d and the answer key on page %d; want the key on a page of its own", w.name, last, key)
		}
		b.done(t, w.name)
	}
}

// manyActs is a transcript of 40 short acts of different lengths, so that
// printed, their headings fall at every height of a page.
func manyActs() *scenario.Transcript {
	t := sample()
	t.Acts = nil
	t.Charts = nil
	words := strings.Fields("Alice calls Bob and the wiretap records the call the LEAF and every word of it for later")
	for i := range 40 {
		intro := strings.Join(words[:1+i*7%len(words)], " ") + "."
		var steps []scenario.Step
		for j := range 1 + i%3 {
			steps = append(steps, scenario.Step{
				Actor:  "Actor " + strconv.Itoa(j+1),
				Action: strings.Repeat("does one more thing in plain words ", 1+(i+j)%5),
				Note:   fmt.Sprintf("Step %d of act %d.", j+1, i+1),
			})
		}
		t.Acts = append(t.Acts, scenario.Act{Number: i + 1, Title: "An act of " + strconv.Itoa(len(steps)) + " steps", Intro: intro, Steps: steps})
	}
	return t
}

// pdfObject matches the start of an indirect object: "12 0 obj".
var pdfObject = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)

// pdfLinkPages reads a PDF as Chromium prints it (objects uncompressed
// outside their streams, no object streams) and returns the page, from 1,
// on which each link's URI first appears. It follows the page tree from
// the catalogue, so that pages are numbered in reading order.
func pdfLinkPages(pdf []byte) (map[string]int, error) {
	objs := map[string]string{} // object number: its dictionary, streams cut off
	locs := pdfObject.FindAllSubmatchIndex(pdf, -1)
	for i, loc := range locs {
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := string(pdf[loc[1]:end])
		if j := strings.Index(body, "stream"); j >= 0 {
			body = body[:j]
		}
		objs[string(pdf[loc[2]:loc[3]])] = body
	}
	ref := regexp.MustCompile(`(\d+) 0 R`)
	refsIn := func(body, key string) []string {
		i := strings.Index(body, key)
		if i < 0 {
			return nil
		}
		rest := body[i+len(key):]
		if j := strings.Index(rest, "]"); strings.HasPrefix(strings.TrimSpace(rest), "[") && j >= 0 {
			rest = rest[:j]
		} else if m := ref.FindStringIndex(rest); m != nil {
			rest = rest[:m[1]]
		}
		var out []string
		for _, m := range ref.FindAllStringSubmatch(rest, -1) {
			out = append(out, m[1])
		}
		return out
	}
	var root string
	for _, body := range objs {
		if strings.Contains(body, "/Type /Catalog") {
			if r := refsIn(body, "/Pages"); len(r) == 1 {
				root = r[0]
			}
		}
	}
	if root == "" {
		return nil, fmt.Errorf("no catalogue with a page tree")
	}
	uri := regexp.MustCompile(`/URI \(([^)]*)\)`)
	found := map[string]int{}
	pageNo := 0
	var walk func(n string, depth int) error
	walk = func(n string, depth int) error {
		body, ok := objs[n]
		switch {
		case !ok:
			return fmt.Errorf("object %s is missing", n)
		case depth > 32:
			return fmt.Errorf("the page tree is too deep")
		case strings.Contains(body, "/Type /Pages"):
			for _, k := range refsIn(body, "/Kids") {
				if err := walk(k, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		pageNo++
		for _, a := range refsIn(body, "/Annots") {
			if m := uri.FindStringSubmatch(objs[a]); m != nil && found[m[1]] == 0 {
				found[m[1]] = pageNo
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for u, p := range found {
		if s, ok := strings.CutPrefix(u, "https://probe.test/"); ok {
			out[s] = p
		}
	}
	return out, nil
}
