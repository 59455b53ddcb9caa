package io.moselle.examples.cli;

/**
 * Named moments of writing an output folder, where a test stops the process dead (as
 * {@code kill -9} would) to prove that every one of them leaves a folder the next run can use.
 */
@FunctionalInterface
interface CrashPoints {
    /** The moments, in the order a run meets them. */
    enum Step {
        /** Half of a journal line is written, the rest not yet. */
        JOURNAL_LINE_HALF_WRITTEN,
        /** The new state's data files are written; no manifest yet. */
        COMMIT_FILES_WRITTEN,
        /** The new state is complete with its manifest; the folder still shows the old one. */
        COMMIT_STATE_WRITTEN,
        /** The folder shows the new state; the journal and the old state are still there. */
        COMMIT_SWITCHED,
        /** The journal is gone; the old state is still there. */
        COMMIT_JOURNAL_REMOVED
    }

    CrashPoints NONE = step -> { };

    void reached(Step step);
}
