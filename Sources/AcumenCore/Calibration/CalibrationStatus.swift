/// Whether a rater is calibrated, from their latest submitted attempt, and until when.
public struct CalibrationStatus: Hashable, Sendable {
    public var assessedOn: CalendarDate
    public var isCalibrated: Bool
    /// The last day the calibration counts; nil when the attempt did not calibrate.
    public var calibratedUntil: CalendarDate?
    /// The rater's mean deviation from the master in that attempt (positive: lenient).
    public var bias: Double?

    public init(assessedOn: CalendarDate, isCalibrated: Bool, calibratedUntil: CalendarDate?, bias: Double? = nil) {
        self.assessedOn = assessedOn
        self.isCalibrated = isCalibrated
        self.calibratedUntil = calibratedUntil
        self.bias = bias
    }

    public static func after(
        attemptOn day: CalendarDate, verdict: CalibrationVerdict, thresholds: CalibrationThresholds,
        bias: Double? = nil
    ) -> CalibrationStatus {
        CalibrationStatus(
            assessedOn: day, isCalibrated: verdict.isCalibrated,
            calibratedUntil: verdict.isCalibrated ? day.adding(months: thresholds.validForMonths) : nil, bias: bias)
    }

    /// The status an attempt earns; an attempt without a single comparable rating does not calibrate.
    public static func after(
        attemptOn day: CalendarDate, calibration: RaterCalibration?, thresholds: CalibrationThresholds
    ) -> CalibrationStatus {
        after(
            attemptOn: day,
            verdict: calibration?.verdict(thresholds)
                ?? CalibrationVerdict(isCalibrated: false, shortfalls: [.nothingRated]),
            thresholds: thresholds, bias: calibration?.meanDeviation)
    }

    /// Calibrated on `day`: a passed attempt on or before it, not yet expired.
    public func isValid(on day: CalendarDate) -> Bool {
        guard isCalibrated, let calibratedUntil else { return false }
        return assessedOn <= day && day <= calibratedUntil
    }
}

/// Why a rater appears on the re-calibration list.
public enum RecalibrationReason: Hashable, Sendable {
    case neverCalibrated
    case notCalibrated(lastAttempt: CalendarDate)
    case expired(on: CalendarDate)
    case expiresSoon(on: CalendarDate)

    public var description: String {
        switch self {
        case .neverCalibrated: "Never calibrated"
        case .notCalibrated(let day): "Did not meet the thresholds on \(day)"
        case .expired(let day): "Calibration ran out on \(day)"
        case .expiresSoon(let day): "Calibration runs out on \(day)"
        }
    }

    /// Who must be scheduled now: anything but a calibration still running.
    public var isOverdue: Bool {
        if case .expiresSoon = self { return false }
        return true
    }

    /// Whether a rater with `status` (nil: never attempted) is due on `day`, looking `noticeMonths` ahead.
    public static func due(
        _ status: CalibrationStatus?, on day: CalendarDate, noticeMonths: Int = 1
    ) -> RecalibrationReason? {
        guard let status else { return .neverCalibrated }
        guard status.isCalibrated, let until = status.calibratedUntil else {
            return .notCalibrated(lastAttempt: status.assessedOn)
        }
        if until < day { return .expired(on: until) }
        if until <= day.adding(months: noticeMonths) { return .expiresSoon(on: until) }
        return nil
    }
}
