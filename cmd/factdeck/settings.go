package main

import (
	"errors"
	"net/http"
	"slices"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/views"
)

// commonZones are the time zones the settings page offers in its select;
// any other IANA name can be typed.
var commonZones = []string{
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
	"Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
	"Europe/Istanbul", "Europe/Kyiv", "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi",
	"Africa/Johannesburg", "Asia/Beirut", "Asia/Damascus", "Asia/Jerusalem", "Asia/Baghdad", "Asia/Riyadh",
	"Asia/Tehran", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta",
	"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Manila", "Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu",
	"America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago",
	"America/Mexico_City", "America/New_York", "America/Toronto", "America/Bogota", "America/Lima",
	"America/Halifax", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
}

// themes are the values of the theme choice.
var themes = []string{views.ThemeSystem, views.ThemeLight, views.ThemeDark}

func (s *server) handleSettingsShow(w http.ResponseWriter, r *http.Request) {
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	theme := s.sessions.GetString(r.Context(), "theme")
	if !slices.Contains(themes, theme) {
		theme = views.ThemeSystem
	}
	vm := s.settingsVM(r, settings.Form(), theme, nil)
	s.render(w, r, http.StatusOK, views.SettingsPage(vm))
}

// handleSettingsUpdate saves the settings and theme, or shows the form
// again with what was typed and a message per invalid field.
func (s *server) handleSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, err)
		return
	}
	form := srs.SettingsForm{
		DesiredRetention: r.PostForm.Get(srs.FieldRetention),
		MaximumInterval:  r.PostForm.Get(srs.FieldMaximumInterval),
		LearningSteps:    r.PostForm.Get(srs.FieldLearningSteps),
		RelearningSteps:  r.PostForm.Get(srs.FieldRelearningSteps),
		NewPerDay:        r.PostForm.Get(srs.FieldNewPerDay),
		ReviewsPerDay:    r.PostForm.Get(srs.FieldReviewsPerDay),
		TimeZone:         r.PostForm.Get(srs.FieldTimeZone),
	}
	if form.TimeZone == views.OtherZone || form.TimeZone == "" {
		form.TimeZone = r.PostForm.Get("time_zone_other")
	}
	theme := r.PostForm.Get("theme")
	settings, err := form.Parse()
	var verr *quiz.ValidationError
	if err != nil && !errors.As(err, &verr) {
		s.Error(w, r, err)
		return
	}
	if !slices.Contains(themes, theme) {
		if verr == nil {
			verr = &quiz.ValidationError{Fields: map[string]string{}}
		}
		verr.Fields[views.ThemeField] = "choose a theme: same as this device, light or dark"
	}
	if verr != nil {
		s.render(w, r, http.StatusUnprocessableEntity, views.SettingsPage(s.settingsVM(r, form, theme, verr.Fields)))
		return
	}
	if err := s.db.UpdateLearnerSettings(r.Context(), learnerID(r), settings); err != nil {
		s.Error(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "theme", theme)
	s.sessions.Put(r.Context(), "flash", "Settings saved.")
	http.Redirect(w, r, "/settings", http.StatusSeeOther)
}

// settingsVM shows form with its time zone in the select when it is a
// common one and in the free-text box otherwise.
func (s *server) settingsVM(r *http.Request, form srs.SettingsForm, theme string, errs map[string]string) views.SettingsVM {
	vm := views.SettingsVM{Zones: commonZones, Theme: theme, Errors: errs}
	if !slices.Contains(commonZones, form.TimeZone) {
		vm.ZoneOther, form.TimeZone = form.TimeZone, views.OtherZone
	}
	vm.Form = form
	title := "Settings"
	if len(errs) > 0 {
		title = "Error: " + title
	}
	vm.Chrome = s.chrome(r, title)
	return vm
}
