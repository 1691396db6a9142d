import AcumenCore
import AcumenStore
import Foundation
import Plot

/// An offering's sessions: when and where, seats left, the viewer's own place and the button to
/// take or give it up; for programme staff, the form that schedules one.
struct SessionsSection: Component {
    var offering: Offering
    var sessions: [SessionsController.Listed]
    var form: [String: String]
    var problems: [ValidationProblem]
    var context: PageContext

    var body: Component {
        let text = context.localizer
        let upcoming = sessions.filter { $0.session.startsOn >= .today }
        let past = sessions.filter { $0.session.startsOn < .today }
        return Div {
            H2(text.text(SessionMessage.heading))
            if upcoming.isEmpty { Paragraph(text.text(SessionMessage.noneUpcoming)) }
            List(upcoming + past.reversed().prefix(5)) { listed in
                ListItem {
                    Paragraph(Self.when(listed.session, text: text))
                    if listed.session.startsOn < .today {
                        Paragraph(text.text(SessionMessage.tookPlace, count: listed.taken))
                    } else {
                        Paragraph(
                            text.text(
                                SessionMessage.seats,
                                [
                                    "left": text.integer(max(0, listed.session.seats - listed.taken)),
                                    "seats": text.integer(listed.session.seats),
                                    "waiting": text.integer(listed.waiting),
                                ]))
                    }
                    if let mine = listed.mine, mine != .cancelled {
                        Paragraph(text.text(SessionMessage(mine))).class("badge")
                    }
                    Div {
                        if listed.session.startsOn >= .today && context.user?.personID != nil {
                            if let mine = listed.mine, mine == .enrolled || mine == .waiting {
                                ActionButton(
                                    title: text.text(SessionMessage.cancel),
                                    url: SitePath.sessionCancel.url(listed.session.id), csrf: context.csrf)
                            } else {
                                ActionButton(
                                    title: text.text(
                                        listed.taken < listed.session.seats ? SessionMessage.enrol : .joinWaiting),
                                    url: SitePath.sessionEnrol.url(listed.session.id), csrf: context.csrf,
                                    style: "button primary")
                            }
                        }
                        if listed.mayRun {
                            Link(text.text(SessionMessage.register), url: SitePath.session.url(listed.session.id))
                                .class("button")
                        }
                    }.class("actions")
                }.class("card")
            }.class("plain")
            if context.user?.role.seesEveryone == true {
                scheduleForm(text)
            }
        }
    }

    static func when(_ session: ScheduledSession, text: Localizer) -> String {
        text.text(
            SessionMessage.when,
            [
                "date": text.date(session.startsOn), "time": session.startTime, "zone": session.timeZone,
                "place": session.place == ScheduledSession.online ? text.text(SessionMessage.online) : session.place,
                "minutes": text.integer(session.durationMinutes), "trainer": session.trainerEmail,
            ])
    }

    private func scheduleForm(_ text: Localizer) -> Component {
        Form(
            url: SitePath.offeringSessions.url(offering.id), method: .post,
            content: {
                CSRFField(token: context.csrf)
                H3(text.text(SessionMessage.schedule))
                ProblemList(
                    problems: problems,
                    labels: Dictionary(uniqueKeysWithValues: Self.fields.map { ($0.name, text.text($0.label)) }),
                    heading: text.text(SessionMessage.notScheduled), text: text)
                Div {
                    for field in Self.fields {
                        Field(
                            label: text.text(field.label), name: field.name,
                            value: form[field.name] ?? field.example(offering), type: field.type, required: true)
                    }
                }.class("field-row")
                SubmitButton(title: text.text(SessionMessage.scheduleButton), style: "button")
            })
    }

    struct FormField {
        var name: String
        var label: SessionMessage
        var type: HTMLInputType
        var example: (Offering) -> String
    }

    static var fields: [FormField] {
        [
            .init(name: "startsOn", label: .startsOn, type: .date, example: { _ in "" }),
            .init(name: "startTime", label: .startTime, type: .text, example: { _ in "09:30" }),
            .init(name: "durationMinutes", label: .duration, type: .number, example: { "\($0.durationMinutes)" }),
            .init(
                name: "place", label: .place, type: .text,
                example: { $0.format == .virtualClassroom ? ScheduledSession.online : "" }),
            .init(name: "timeZone", label: .timeZone, type: .text, example: { _ in "Europe/London" }),
            .init(name: "seats", label: .seatsField, type: .number, example: { _ in "12" }),
            .init(
                name: "trainerEmail", label: .trainer, type: .email, example: { $0.owner.contains("@") ? $0.owner : "" }
            ),
        ]
    }
}

/// A session's register, for its trainer and programme staff: who holds a seat and who waits,
/// attendance, and the recording.
enum SessionPage {
    static func render(
        session: ScheduledSession, offering: Offering?, seats: [SessionRepository.Seat], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(SessionMessage.registerTitle, ["title": offering?.title ?? ""])
        let holders = seats.filter { $0.status.takesSeat }
        let waiting = seats.filter { $0.status == .waiting }
        return Layout.page(title, context: context) {
            if let offering {
                Paragraph { Link(offering.title, url: SitePath.catalogueOffering.url(offering.id)) }
            }
            H1(title)
            Paragraph(SessionsSection.when(session, text: text))
            H2(text.text(SessionMessage.holders, count: holders.count, ["seats": text.integer(session.seats)]))
            if holders.isEmpty {
                Paragraph(text.text(SessionMessage.nobody))
            } else if session.startsOn <= .today {
                Form(
                    url: SitePath.sessionAttendance.url(session.id), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Tag("fieldset") {
                            Tag("legend") { Text(text.text(SessionMessage.attendanceLegend)) }
                            for seat in holders {
                                Tag("label") {
                                    Input(type: .checkbox, name: "attended:\(seat.personID.uuidString)", value: "on")
                                        .attribute(named: "checked", value: seat.status == .attended ? "checked" : nil)
                                    Text(" \(seat.name) (\(seat.email))")
                                }.class("check")
                            }
                        }
                        SubmitButton(title: text.text(SessionMessage.saveAttendance))
                    })
            } else {
                List(holders) { ListItem("\($0.name) (\($0.email))") }
                Paragraph(text.text(SessionMessage.attendanceLater)).class("hint")
            }
            H2(text.text(SessionMessage.waitingList, count: waiting.count))
            if !waiting.isEmpty {
                Tag("ol") {
                    for seat in waiting { Tag("li") { Text("\(seat.name) (\(seat.email))") } }
                }
            }
            H2(text.text(SessionMessage.recordingHeading))
            if let recording = session.recordingOfferingID {
                Paragraph {
                    Link(text.text(SessionMessage.recordingOffering), url: SitePath.catalogueOffering.url(recording))
                }
            } else {
                Form(
                    url: SitePath.sessionRecording.url(session.id), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(
                            label: text.text(SessionMessage.recordingLink), name: "link", type: .url, required: true,
                            hint: text.text(SessionMessage.recordingHint))
                        SubmitButton(title: text.text(SessionMessage.attachRecording), style: "button")
                    })
            }
        }
    }
}

/// The words of sessions (English for now, through the catalogue).
enum SessionMessage: String, MessageKey, CaseIterable {
    case heading = "session.heading"
    case noneUpcoming = "session.noneUpcoming"
    case when = "session.when"
    case online = "session.online"
    case seats = "session.seats"
    case tookPlace = "session.tookPlace"
    case enrol = "session.enrol"
    case joinWaiting = "session.joinWaiting"
    case cancel = "session.cancel"
    case register = "session.register"
    case enrolled = "session.status.enrolled"
    case waiting = "session.status.waiting"
    case attended = "session.status.attended"
    case absent = "session.status.absent"
    case cancelled = "session.status.cancelled"
    case schedule = "session.schedule"
    case scheduleButton = "session.scheduleButton"
    case notScheduled = "session.notScheduled"
    case startsOn = "session.startsOn"
    case startTime = "session.startTime"
    case duration = "session.duration"
    case place = "session.place"
    case timeZone = "session.timeZone"
    case seatsField = "session.seatsField"
    case trainer = "session.trainer"
    case scheduled = "session.scheduled"
    case enrolledNow = "session.enrolledNow"
    case waitingNow = "session.waitingNow"
    case cancelledNow = "session.cancelledNow"
    case registerTitle = "session.registerTitle"
    case holders = "session.holders"
    case nobody = "session.nobody"
    case attendanceLegend = "session.attendanceLegend"
    case saveAttendance = "session.saveAttendance"
    case attendanceLater = "session.attendanceLater"
    case attendanceTaken = "session.attendanceTaken"
    case waitingList = "session.waitingList"
    case recordingHeading = "session.recordingHeading"
    case recordingOffering = "session.recordingOffering"
    case recordingLink = "session.recordingLink"
    case recordingHint = "session.recordingHint"
    case attachRecording = "session.attachRecording"
    case recordingAttached = "session.recordingAttached"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every case.
    init(_ status: SeatStatus) { self.init(rawValue: "session.status.\(status.rawValue)")! }
}
