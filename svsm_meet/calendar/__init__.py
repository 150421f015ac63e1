"""Follow-ups and meetings in calendars: ICS, vdir folders, CalDAV servers."""
