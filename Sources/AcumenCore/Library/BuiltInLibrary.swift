/// The competency models that ship with Acumen.
public enum BuiltInLibrary {
    public static var frameworks: [FrameworkContent] {
        [GlobalMobilityAccountManagerModel.content, GeneralAccountManagementModel.content]
    }
}
