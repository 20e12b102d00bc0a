package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// removeSiteData is the control that deletes what the site keeps on this
// device: the service worker and its caches (the offline copy of every
// page). web/site.js does the deleting, in the browser, with no request:
// the button starts hidden and the script shows it only where the browser
// can keep an offline copy at all, so that it never appears and does
// nothing. Its words, and what it says when done, come from labels.yaml.
func removeSiteData(lb site.DeviceLabels) app.UI {
	return app.Div().Class("remove-site-data").Body(
		app.Button().Type("button").Class("secondary").Hidden(true).
			DataSet("working", attr(lb.Working)).DataSet("done", attr(lb.Done)).DataSet("failed", attr(lb.Failed)).
			Text(lb.Button),
		app.P().Class("remove-site-data-status").Attr("role", "status"),
	)
}
