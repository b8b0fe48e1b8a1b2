package io.fairshare.registry.importing;

/**
 * The CWR record layouts the {@link CwrImporter} reads: field names, 1-based start positions and sizes, as in the
 * field tables of CISAC "Functional Specifications: Common Works Registration (CWR) version 2.1, Revision 7"
 * (CWR11-1991R1). The positions were taken, and cross-checked, from two public implementations of that
 * specification: weso/CWR-DataApi ({@code config_cwr/record_config_common.cml} for the field order and
 * {@code field_config_common.yml} for the sizes, CWR 2.1 Rev.7) and cdacos/allegro
 * ({@code crates/allegro_cwr/src/records/*.rs}, version-aware layouts for CWR 2.0 to 2.2, 0-based starts). CWR 2.2
 * keeps every 2.1 position and only appends fields (HDR version and software fields from position 102, PWR publisher
 * sequence # at 111), so one layout reads both versions.
 *
 * <p>Every transaction and detail record starts with the record prefix: Record Type (1, 3), Transaction
 * Sequence # (4, 8), Record Sequence # (12, 8). Control records (HDR, GRH, GRT, TRL) have no sequence numbers.
 */
final class CwrLayout {
    private CwrLayout() {
    }

    /** A fixed-width field: {@code start} is 1-based as in the specification. */
    record Field(String name, int start, int size) {
        int end() {
            return start + size - 1;
        }

        /** The field's characters, trimmed; a line too short yields what it has (possibly ""). */
        String read(String line) {
            int from = Math.min(start - 1, line.length());
            int to = Math.min(start - 1 + size, line.length());
            return line.substring(from, to).trim();
        }

        /** Name and position, as reports show it: "PR Ownership Share (116-120)". */
        String label() {
            return name + " (" + start + "-" + end() + ")";
        }
    }

    // Record prefix of transaction and detail records.
    static final Field RECORD_TYPE = new Field("Record Type", 1, 3);
    static final Field TRANSACTION_SEQ = new Field("Transaction Sequence #", 4, 8);
    static final Field RECORD_SEQ = new Field("Record Sequence #", 12, 8);

    // HDR: Transmission Header.
    static final Field HDR_SENDER_TYPE = new Field("Sender Type", 4, 2);
    static final Field HDR_SENDER_ID = new Field("Sender ID", 6, 9);
    static final Field HDR_SENDER_NAME = new Field("Sender Name", 15, 45);
    static final Field HDR_EDI_VERSION = new Field("EDI Standard Version Number", 60, 5);
    static final Field HDR_CREATION_DATE = new Field("Creation Date", 65, 8);
    static final Field HDR_CREATION_TIME = new Field("Creation Time", 73, 6);
    static final Field HDR_TRANSMISSION_DATE = new Field("Transmission Date", 79, 8);
    static final Field HDR_CHARACTER_SET = new Field("Character Set", 87, 15);

    // GRH: Group Header.
    static final Field GRH_TRANSACTION_TYPE = new Field("Transaction Type", 4, 3);
    static final Field GRH_GROUP_ID = new Field("Group ID", 7, 5);
    static final Field GRH_VERSION = new Field("Version Number for this transaction type", 12, 5);
    static final Field GRH_BATCH_REQUEST = new Field("Batch Request", 17, 10);

    // GRT: Group Trailer. Record Count includes the GRH and GRT records.
    static final Field GRT_GROUP_ID = new Field("Group ID", 4, 5);
    static final Field GRT_TRANSACTION_COUNT = new Field("Transaction Count", 9, 8);
    static final Field GRT_RECORD_COUNT = new Field("Record Count", 17, 8);

    // TRL: Transmission Trailer. Record Count includes the HDR and TRL records.
    static final Field TRL_GROUP_COUNT = new Field("Group Count", 4, 5);
    static final Field TRL_TRANSACTION_COUNT = new Field("Transaction Count", 9, 8);
    static final Field TRL_RECORD_COUNT = new Field("Record Count", 17, 8);

    // NWR / REV: New Work Registration / Revised Registration.
    static final Field NWR_TITLE = new Field("Work Title", 20, 60);
    static final Field NWR_LANGUAGE = new Field("Language Code", 80, 2);
    static final Field NWR_SUBMITTER_WORK_NO = new Field("Submitter Work #", 82, 14);
    static final Field NWR_ISWC = new Field("ISWC", 96, 11);

    // SPU: Publisher Controlled by Submitter.
    static final Field SPU_SEQ = new Field("Publisher Sequence #", 20, 2);
    static final Field SPU_IP_NO = new Field("Interested Party #", 22, 9);
    static final Field SPU_NAME = new Field("Publisher Name", 31, 45);
    static final Field SPU_UNKNOWN = new Field("Publisher Unknown Indicator", 76, 1);
    static final Field SPU_TYPE = new Field("Publisher Type", 77, 2);
    static final Field SPU_IPI_NAME = new Field("Publisher IPI Name #", 88, 11);
    static final Field SPU_PR_SOCIETY = new Field("PR Affiliation Society #", 113, 3);
    static final Field SPU_PR_SHARE = new Field("PR Ownership Share", 116, 5);
    static final Field SPU_MR_SOCIETY = new Field("MR Affiliation Society #", 121, 3);
    static final Field SPU_MR_SHARE = new Field("MR Ownership Share", 124, 5);
    static final Field SPU_SR_SOCIETY = new Field("SR Affiliation Society #", 129, 3);
    static final Field SPU_SR_SHARE = new Field("SR Ownership Share", 132, 5);

    // SPT: Publisher Territory of Control.
    static final Field SPT_IP_NO = new Field("Interested Party #", 20, 9);
    static final Field SPT_PR_COLLECTION = new Field("PR Collection Share", 35, 5);
    static final Field SPT_MR_COLLECTION = new Field("MR Collection Share", 40, 5);
    static final Field SPT_SR_COLLECTION = new Field("SR Collection Share", 45, 5);
    static final Field SPT_INCLUSION = new Field("Inclusion/Exclusion Indicator", 50, 1);
    static final Field SPT_TIS = new Field("TIS Numeric Code", 51, 4);

    // SWR: Writer Controlled by Submitter.
    static final Field SWR_IP_NO = new Field("Interested Party #", 20, 9);
    static final Field SWR_LAST_NAME = new Field("Writer Last Name", 29, 45);
    static final Field SWR_FIRST_NAME = new Field("Writer First Name", 74, 30);
    static final Field SWR_UNKNOWN = new Field("Writer Unknown Indicator", 104, 1);
    static final Field SWR_DESIGNATION = new Field("Writer Designation Code", 105, 2);
    static final Field SWR_IPI_NAME = new Field("Writer IPI Name #", 116, 11);
    static final Field SWR_PR_SOCIETY = new Field("PR Affiliation Society #", 127, 3);
    static final Field SWR_PR_SHARE = new Field("PR Ownership Share", 130, 5);
    static final Field SWR_MR_SOCIETY = new Field("MR Affiliation Society #", 135, 3);
    static final Field SWR_MR_SHARE = new Field("MR Ownership Share", 138, 5);
    static final Field SWR_SR_SOCIETY = new Field("SR Affiliation Society #", 143, 3);
    static final Field SWR_SR_SHARE = new Field("SR Ownership Share", 146, 5);

    // SWT: Writer Territory of Control.
    static final Field SWT_IP_NO = new Field("Interested Party #", 20, 9);
    static final Field SWT_PR_COLLECTION = new Field("PR Collection Share", 29, 5);
    static final Field SWT_MR_COLLECTION = new Field("MR Collection Share", 34, 5);
    static final Field SWT_SR_COLLECTION = new Field("SR Collection Share", 39, 5);
    static final Field SWT_INCLUSION = new Field("Inclusion/Exclusion Indicator", 44, 1);
    static final Field SWT_TIS = new Field("TIS Numeric Code", 45, 4);

    // PWR: Publisher for Writer.
    static final Field PWR_PUBLISHER_IP_NO = new Field("Publisher IP #", 20, 9);
    static final Field PWR_PUBLISHER_NAME = new Field("Publisher Name", 29, 45);
    static final Field PWR_WRITER_IP_NO = new Field("Writer IP #", 102, 9);

    // ALT: Alternate Title.
    static final Field ALT_TITLE = new Field("Alternate Title", 20, 60);
    static final Field ALT_TITLE_TYPE = new Field("Title Type", 80, 2);
    static final Field ALT_LANGUAGE = new Field("Language Code", 82, 2);
}
