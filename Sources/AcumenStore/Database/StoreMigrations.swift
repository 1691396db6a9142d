import FluentKit

/// Every migration of the store, in the order they run. Later capabilities append here.
public enum StoreMigrations {
    public static var all: [any Migration] {
        [
            CreateOrganisationTables(), CreateAccessTables(), CreateFrameworkTables(), CreateIndexes(),
            CreateAssessmentTables(), CreateCalibrationTables(), HardenAnonymity(), RealBooleans(),
            CalibrationAgreementThresholds(), CycleClosingDay(), ReadersLanguages(),
            QuestionTranslations(), FrameworkLanguages(), RaterChosenLanguage(), CreateDevelopmentTables(),
            CreateRoadmapTables(), CatalogueRevision(), CreateReinforcementTables(),
            CreateGroupSessionTables(), CreateLearningRecordTables(), CreateSessionTables(),
            CreateCommunityTables(), PeopleLeavingReason(), CreateVendorScorecardTables(), CreateSettledResultsTables(),
            KeepHeatmapCells(), CreateKnowledgeCheckTables(), KeepAttemptMarks(), CreateAuditLog(),
            SessionsKnowTheirUser(), CreatePasswordResets(), KeepImportedFrameworks(),
        ]
    }
}
