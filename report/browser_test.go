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

// TestHTMLInBrowser opens generated reports in headless Chromium and checks
// that every chart has a size on screen and in print, that the console
// stays quiet and that nothing is fetched. It saves a full-page screenshot
// of each, on screen and as printed, and logs where. Set
// ESCROWLAB_SCREENSHOTS to a directory to keep them there as well.
func TestHTMLInBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		msg := "no Chromium found (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome): install Debian's chromium to run the browser test (apt-get install chromium)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI is set, so the browser test is required")
		}
		t.Skip(msg)
	}

	dir := t.TempDir()
	pages := []struct {
		name string
		t    *scenario.Transcript
	}{
		{"tour", htmlTour(t)},
		{"charts", chartSample()},
	}

	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
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
	)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	var problems pageProblems
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

	keep := os.Getenv("ESCROWLAB_SCREENSHOTS")
	for _, p := range pages {
		var html bytes.Buffer
		if err := HTML(&html, p.t); err != nil {
			t.Fatalf("%s: HTML: %v", p.name, err)
		}
		file := filepath.Join(dir, p.name+".html")
		if err := os.WriteFile(file, html.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pageURL := (&url.URL{Scheme: "file", Path: file}).String()
		problems.take(pageURL)

		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
			t.Fatalf("%s: emulating screen: %v", p.name, err)
		}
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(pageURL)); err != nil {
			t.Fatalf("%s: opening %s: %v", p.name, pageURL, err)
		}
		// The page as projected, then as printed: print media at about the
		// width of an A4 page's text block.
		for _, v := range []struct {
			media string
			width int64
		}{{"screen", 1280}, {"print", 720}} {
			media := v.media
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
				t.Fatalf("%s: emulating %s: %v", p.name, media, err)
			}
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
			shot := filepath.Join(dir, p.name+"-"+media+".png")
			if err := os.WriteFile(shot, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d charts, screenshot (%s) %s", p.name, len(boxes), media, shot)
			if keep != "" {
				if err := os.MkdirAll(keep, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(keep, p.name+"-"+media+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, msg := range problems.take("") {
			t.Errorf("%s: %s", p.name, msg)
		}
	}
}
