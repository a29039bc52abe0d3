package write_test

import (
	"context"
	"testing"

	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/render"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// The writer keeps per sheet what each pass computes alike (cuts, passive
// verdicts): the passes of one article reuse it, and a pass's own edits
// (connectives, attribution verbs) never leak into the next. Writing with
// other options in between changes nothing.
func TestWriteTwiceOnOneSheet(t *testing.T) {
	t.Parallel()
	sh := writertest.SheetRelated(t, []string{"001"}, []string{"000", "002", "003", "004"})
	def := plan.Options{MinWords: 700}
	write1 := func(o plan.Options) string {
		d, err := write.Extractive{}.Write(context.Background(), plan.Build(sh, o), sh)
		if err != nil {
			t.Fatal(err)
		}
		return string(render.Markdown(d.Article))
	}
	first := write1(def)
	short := write1(plan.Options{MinWords: 700, ShortSentences: true, AvoidPassive: true})
	if again := write1(def); again != first {
		t.Fatalf("the same plan written again on the same sheet differs:\n%s\n---\n%s", first, again)
	}
	if short == first {
		t.Fatal("short sentences and fewer passive ones changed nothing: the test proves little")
	}
}
