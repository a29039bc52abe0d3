package write_test

import (
	"testing"

	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

func TestExtractiveConformance(t *testing.T) {
	writertest.Exercise(t, write.Extractive{})
}
