import AcumenCore
import AcumenStore

/// The e-mail that asks someone to take part in a calibration exercise, in the language the
/// participant chose for Acumen (else the organisation's). It carries no secret: participants
/// sign in, so the link is the exercise's ordinary address.
enum CalibrationMail {
    static func invitation(
        exercise: CalibrationExercise, cases: Int, baseURL: String, to email: String, text: Localizer
    ) -> OutgoingMessage {
        let link = baseURL + SitePath.calibrationExercise.url(exercise.id)
        let named = ["title": exercise.title]
        return OutgoingMessage(
            recipient: email, subject: text.text(CalibrationMailMessage.subject, named),
            body: """
                \(text.text(CalibrationMailMessage.greeting))

                \(text.text(CalibrationMailMessage.asked, count: cases, named))

                \(text.text(CalibrationMailMessage.afterwards, count: exercise.thresholds.validForMonths))

                \(text.text(CalibrationMailMessage.signIn))
                \(link)
                """)
    }
}

enum CalibrationMailMessage: String, MessageKey, CaseIterable {
    case subject = "mail.calibration.subject"
    case greeting = "mail.calibration.greeting"
    case asked = "mail.calibration.asked"
    case afterwards = "mail.calibration.afterwards"
    case signIn = "mail.calibration.signIn"
}
