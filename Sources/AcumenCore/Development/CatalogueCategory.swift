/// The categories a catalogue groups its offerings in. Every catalogue starts with the seven
/// the programme used; programmes add their own.
public enum CatalogueCategory {
    public static let defaults = [
        "The Client", "Financial", "Policy and Revisions", "Reporting", "Service Delivery", "Systems",
        "Tools and Resources",
    ]
}
