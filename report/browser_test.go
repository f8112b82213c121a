package report

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/escrowlab/escrowlab/scenario"
)

// browserTimeout bounds the whole browser test, so that a browser that
// hangs fails the test instead of stalling CI.
const browserTimeout = 60 * time.Second

// findChromium returns the path of a Chromium or Chrome binary, or "".
func findChromium() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// svgBox is the rendered size of one <svg>.
type svgBox struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Title  string  `json:"title"`
}

// pageProblems collects what the browser reported while showing a page:
// console errors, uncaught exceptions, error entries of its log and any
// request for something other than the page itself.
type pageProblems struct {
	mu   sync.Mutex
	page string // the file:// URL of the page being shown
	list []string
}

func (p *pageProblems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// take returns the problems so far and forgets them; next is the page
// shown from now on.
func (p *pageProblems) take(next string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list, p.page = nil, next
	return l
}

func (p *pageProblems) current() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.page
}

// browser is headless Chromium, started for one test, with one tab.
type browser struct {
	tab      context.Context
	dir      string // a temporary directory for pages and screenshots
	problems *pageProblems
}

// newBrowser starts headless Chromium with the given flags added to the
// defaults, or skips the test if there is none (fails it under CI). The
// browser stops when the test ends.
func newBrowser(t *testing.T, flags ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	bin := findChromium()
	if bin == "" {
		msg := "no Chromium found (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome): install Debian's chromium to run the browser test (apt-get install chromium)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI is set, so the browser test is required")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	}, flags...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)

	problems := new(pageProblems)
	if err := chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				problems.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			problems.add("uncaught exception: %s", text)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				problems.add("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; u != problems.current() {
				problems.add("the page fetched %s", u)
			}
		}
	}); err != nil {
		t.Fatalf("starting Chromium (%s): %v", bin, err)
	}
	return &browser{tab: tab, dir: dir, problems: problems}
}

// open writes page to a file named name.html and shows it as media
// ("screen" or "print") in a viewport width by height CSS pixels, with any
// further options, such as chromedp.EmulateMobile. It reports, as errors,
// what the browser reported about the page shown before.
func (b *browser) open(t *testing.T, name string, page []byte, media string, width, height int64, opts ...chromedp.EmulateViewportOption) {
	t.Helper()
	file := filepath.Join(b.dir, name+".html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: file}).String()
	for _, msg := range b.problems.take(pageURL) {
		t.Errorf("before %s: %s", name, msg)
	}
	b.media(t, media)
	if err := chromedp.Do(b.tab, chromedp.EmulateViewport(width, height, opts...), chromedp.Navigate(pageURL)); err != nil {
		t.Fatalf("%s: opening %s: %v", name, pageURL, err)
	}
}

// media emulates a CSS media type: "screen" or "print".
func (b *browser) media(t *testing.T, media string) {
	t.Helper()
	if _, err := chromedp.Call(b.tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatalf("emulating %s: %v", media, err)
	}
}

// done reports what the browser reported about the last page shown.
func (b *browser) done(t *testing.T, name string) {
	t.Helper()
	for _, msg := range b.problems.take("") {
		t.Errorf("%s: %s", name, msg)
	}
}

// keep saves a screenshot or a printed page in the test's directory and,
// if ESCROWLAB_SCREENSHOTS names a directory, there too, and returns the
// first path.
func (b *browser) keep(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(b.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ESCROWLAB_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestHTMLInBrowser opens generated reports in headless Chromium and checks
// that every chart has a size on screen and in print, that the console
// stays quiet and that nothing is fetched. It saves a full-page screenshot
// of each, on screen and as printed, and logs where. Set
// ESCROWLAB_SCREENSHOTS to a directory to keep them there as well.
func TestHTMLInBrowser(t *testing.T) {
	b := newBrowser(t)
	tab := b.tab
	pages := []struct {
		name string
		t    *scenario.Transcript
	}{
		{"tour", htmlTour(t)},
		{"charts", chartSample()},
	}

	for _, p := range pages {
		var html bytes.Buffer
		if err := HTML(&html, p.t); err != nil {
			t.Fatalf("%s: HTML: %v", p.name, err)
		}
		b.open(t, p.name, html.Bytes(), "screen", 1280, 900)
		// The page as projected, then as printed: print media at about the
		// width of an A4 page's text block.
		for _, v := range []struct {
			media string
			width int64
		}{{"screen", 1280}, {"print", 720}} {
			media := v.media
			b.media(t, media)
			if err := chromedp.Do(tab, chromedp.EmulateViewport(v.width, 900)); err != nil {
				t.Fatalf("%s: resizing for %s: %v", p.name, media, err)
			}
			boxes, err := chromedp.Run(tab, chromedp.Evaluate[[]svgBox](`Array.from(document.querySelectorAll("svg"), s => {
				const r = s.getBoundingClientRect();
				const t = s.querySelector("title");
				return {width: r.width, height: r.height, title: t ? t.textContent : ""};
			})`))
			if err != nil {
				t.Fatalf("%s: measuring the charts: %v", p.name, err)
			}
			if len(boxes) != len(figuresOf(p.t)) {
				t.Errorf("%s (%s): %d <svg> elements on the page, want one per chart: %d", p.name, media, len(boxes), len(figuresOf(p.t)))
			}
			for i, b := range boxes {
				if !(b.Width > 0 && b.Height > 0) {
					t.Errorf("%s (%s): chart %d (%q) is drawn %gx%g, want a non-zero size", p.name, media, i+1, b.Title, b.Width, b.Height)
				}
			}
			png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("%s: screenshot: %v", p.name, err)
			}
			t.Logf("%s: %d charts, screenshot (%s) %s", p.name, len(boxes), media, b.keep(t, p.name+"-"+media+".png", png))
		}
		b.done(t, p.name)
	}
}
