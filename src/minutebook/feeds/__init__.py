"""Subscriptions: iCal calendars of meetings and Atom feeds of agendas, minutes and decisions."""
