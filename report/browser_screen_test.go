package report

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/escrowlab/escrowlab/scenario"
)

// phoneChecks measures, on the page shown, what a reader on a small screen
// or on paper would trip over: the rendered size of every chart's text, in
// CSS pixels; the tables and charts that scroll sideways, with the
// background that draws their cue; row labels broken inside a word; and
// numbers wrapped inside their cell.
const phoneChecks = `(() => {
	const lines = range => new Set(Array.from(range.getClientRects(), r => Math.round(r.top))).size;
	const fonts = Array.from(document.querySelectorAll("svg text, svg tspan"), el => {
		const m = el.ownerSVGElement.getScreenCTM();
		return {text: el.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b)};
	}).filter(f => f.text !== "");
	const scrolls = Array.from(document.querySelectorAll(".scroll"))
		.filter(s => s.scrollWidth > s.clientWidth + 1)
		.map(s => ({label: s.getAttribute("aria-label"), cue: getComputedStyle(s).backgroundImage}));
	const broken = [];
	document.querySelectorAll("tbody th").forEach(th => {
		const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/\S+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				if (lines(r) > 1) broken.push(m[0]);
			}
		}
	});
	const wrapped = Array.from(document.querySelectorAll("td.num, td.measure"), td => {
		const r = document.createRange();
		r.selectNodeContents(td);
		return lines(r) > 1 ? td.textContent : "";
	}).filter(s => s !== "");
	return {fonts, scrolls, broken, wrapped};
})()`

// phoneReport is what phoneChecks returns.
type phoneReport struct {
	Fonts []struct {
		Text string  `json:"text"`
		Px   float64 `json:"px"`
	} `json:"fonts"`
	Scrolls []struct {
		Label string `json:"label"`
		Cue   string `json:"cue"`
	} `json:"scrolls"`
	Broken  []string `json:"broken"`
	Wrapped []string `json:"wrapped"`
}

// minChartPx is the smallest chart text a phone may show, in CSS pixels.
const minChartPx = 11.0

// On a 360 px phone no chart text is smaller than 11 px, what scrolls
// sideways shows a cue, no row label breaks inside a word and no number
// wraps inside its cell; printed, no number wraps either.
func TestHTMLOnPhoneAndPaper(t *testing.T) {
	b := newBrowser(t)
	for _, p := range []struct {
		name string
		t    *scenario.Transcript
	}{{"tour", htmlTour(t)}, {"charts", chartSample()}, {"sweep", htmlSweep(t)}, {"matrix", htmlMatrix(t)}} {
		var html bytes.Buffer
		if err := HTML(&html, p.t); err != nil {
			t.Fatal(err)
		}
		b.open(t, p.name+"-phone", html.Bytes(), "screen", 360, 740, chromedp.EmulateMobile)
		r, err := chromedp.Run(b.tab, chromedp.Evaluate[phoneReport](phoneChecks))
		if err != nil {
			t.Fatalf("%s: measuring: %v", p.name, err)
		}
		if len(p.t.Charts) > 0 && len(r.Fonts) == 0 {
			t.Errorf("%s: no chart text measured", p.name)
		}
		for _, f := range r.Fonts {
			if f.Px < minChartPx-0.05 {
				t.Errorf("%s on a phone: chart text %q is %.1f px, want at least %g", p.name, f.Text, f.Px, minChartPx)
			}
		}
		for _, s := range r.Scrolls {
			if !bytes.Contains([]byte(s.Cue), []byte("radial-gradient")) {
				t.Errorf("%s on a phone: %q scrolls sideways without a cue (background %q)", p.name, s.Label, s.Cue)
			}
		}
		if p.name == "tour" && len(r.Scrolls) == 0 {
			t.Errorf("tour on a phone: nothing scrolls sideways, so the cue went untested")
		}
		for _, w := range r.Broken {
			t.Errorf("%s on a phone: the row label word %q breaks across lines", p.name, w)
		}
		for _, w := range r.Wrapped {
			t.Errorf("%s on a phone: the number %q wraps inside its cell", p.name, w)
		}
		png, err := chromedp.Run(b.tab, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: screenshot: %v", p.name, err)
		}
		t.Logf("%s: screenshot on a phone %s", p.name, b.keep(t, p.name+"-phone.png", png))
		b.done(t, p.name+"-phone")

		b.open(t, p.name+"-paper", html.Bytes(), "print", 680, 1000)
		r, err = chromedp.Run(b.tab, chromedp.Evaluate[phoneReport](phoneChecks))
		if err != nil {
			t.Fatalf("%s: measuring in print: %v", p.name, err)
		}
		for _, w := range append(r.Wrapped, r.Broken...) {
			t.Errorf("%s printed: %q breaks across lines in its cell", p.name, w)
		}
		b.done(t, p.name+"-paper")
	}
}

// svgTextBox is one chart's box and the boxes of its text, in page
// coordinates.
type svgTextBox struct {
	X, Y, Width, Height float64
	Texts               []struct {
		Text                string
		X, Y, Width, Height float64
	}
}

// chartTextBoxes lists each chart's box and its texts' boxes, in page
// coordinates.
const chartTextBoxes = `Array.from(document.querySelectorAll("svg"), svg => {
	const box = el => { const r = el.getBoundingClientRect(); return {X: r.left + scrollX, Y: r.top + scrollY, Width: r.width, Height: r.height}; };
	const texts = Array.from(svg.querySelectorAll("text"), el => ({Text: el.textContent.trim(), ...box(el)}))
		.filter(b => b.Text !== "" && b.Width > 0 && b.Height > 0);
	return {...box(svg), Texts: texts};
})`

// A browser that darkens pages by force (Chromium's auto dark mode) leaves
// the report light, so that every chart's text keeps its contrast with
// what is behind it. A page that does not opt out is darkened, which shows
// that the mode is on.
func TestHTMLForcedDark(t *testing.T) {
	b := newBrowser(t, chromedp.Flag("enable-features", "WebContentsForceDark"), chromedp.Flag("force-dark-mode", true))
	control := []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>control</title></head><body style="margin:0;background:#fff;color:#000"><p>A page that does not opt out.</p></body></html>`)
	b.open(t, "control", control, "screen", 400, 300)
	shot := b.shot(t, 200, 200, 20, 20)
	if l := lum(rgb(shot.At(10, 10))); l > 0.3 {
		t.Fatalf("forced dark mode is not in effect (a white page stays at luminance %.2f), so the test cannot tell anything", l)
	}
	b.done(t, "control")

	for _, p := range []struct {
		name string
		t    *scenario.Transcript
	}{{"tour", htmlTour(t)}, {"charts", chartSample()}} {
		var html bytes.Buffer
		if err := HTML(&html, p.t); err != nil {
			t.Fatal(err)
		}
		b.open(t, p.name+"-dark", html.Bytes(), "screen", 1280, 900)
		charts, err := chromedp.Run(b.tab, chromedp.Evaluate[[]svgTextBox](chartTextBoxes))
		if err != nil {
			t.Fatalf("%s: measuring chart text: %v", p.name, err)
		}
		if len(charts) != len(figuresOf(p.t)) {
			t.Fatalf("%s: %d charts on the page, want %d", p.name, len(charts), len(figuresOf(p.t)))
		}
		low, all := 0, 0
		for i, c := range charts {
			img := b.shot(t, c.X, c.Y, c.Width, c.Height)
			for _, tx := range c.Texts {
				all++
				r := image.Rect(int(tx.X-c.X)-1, int(tx.Y-c.Y)-1, int(math.Ceil(tx.X-c.X+tx.Width))+1, int(math.Ceil(tx.Y-c.Y+tx.Height))+1)
				sub, ok := img.(interface {
					SubImage(image.Rectangle) image.Image
				})
				if !ok {
					t.Fatalf("screenshot of type %T cannot be cropped", img)
				}
				if k := textContrast(sub.SubImage(r.Intersect(img.Bounds()))); k < 4.5 {
					low++
					if low <= 5 {
						t.Errorf("%s under forced dark: chart %d's text %q has contrast %.1f:1 with what is behind it, want at least 4.5:1", p.name, i+1, tx.Text, k)
					}
				}
			}
		}
		if all == 0 {
			t.Errorf("%s: no chart text found", p.name)
		}
		if low > 5 {
			t.Errorf("%s under forced dark: %d of %d chart texts in all are below 4.5:1", p.name, low, all)
		}
		b.done(t, p.name+"-dark")
	}
}

// shot returns a screenshot of a rectangle of the page, in page
// coordinates.
func (b *browser) shot(t *testing.T, x, y, w, h float64) image.Image {
	t.Helper()
	yes := true
	r, err := chromedp.Call(b.tab, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Clip:                  &page.Viewport{X: x, Y: y, Width: max(w, 1), Height: max(h, 1), Scale: 1},
		CaptureBeyondViewport: &yes,
		FromSurface:           &yes,
	})
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return img
}

// textContrast returns the contrast ratio (WCAG 2) between the background
// of an image of text, its most common colour, and the pixel that differs
// most from it, which lies inside a glyph's stroke.
func textContrast(img image.Image) float64 {
	counts := map[[3]uint32]int{}
	var bg [3]uint32
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := rgb(img.At(x, y))
			counts[c]++
			if counts[c] > counts[bg] {
				bg = c
			}
		}
	}
	lb := lum(bg)
	best := 1.0
	for c := range counts {
		lo, hi := min(lb, lum(c)), max(lb, lum(c))
		best = max(best, (hi+0.05)/(lo+0.05))
	}
	return best
}

// rgb is a pixel's colour as 8-bit channels.
func rgb(c interface{ RGBA() (r, g, b, a uint32) }) [3]uint32 {
	r, g, b, _ := c.RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// lum is the relative luminance of an sRGB colour, as WCAG 2 defines it.
func lum(c [3]uint32) float64 {
	ch := func(v uint32) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c[0]) + 0.7152*ch(c[1]) + 0.0722*ch(c[2])
}
