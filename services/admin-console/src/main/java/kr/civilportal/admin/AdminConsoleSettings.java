package kr.civilportal.admin;

import io.smallrye.config.ConfigMapping;

/**
 * The admin console's own settings ({@code portal.web.admin.*}). Their values are in application.properties
 * only; this interface gives them types and says what each is for. The page settings both web apps share
 * ({@code portal.web.*}: language, home path, assets, waiting room) belong to web-common's WebPageSettings.
 */
@ConfigMapping(prefix = "portal.web.admin")
public interface AdminConsoleSettings {

    /** The emergency dispatch board. */
    Dispatch dispatch();

    /** The land officer's parcel search. */
    Land land();

    /** The passport officer's queue. */
    Passport passport();

    /** The dispatch supervisor's held reports (the gateway's limits, checked here first). */
    HeldReports heldReports();

    interface HeldReports {

        /** The longest reason for reading a held report's content (200, the gateway's reason-max). */
        int reasonMaxLength();

        /** The longest note on a retry or a settling (1000, the gateway's note-max). */
        int noteMaxLength();
    }

    interface Dispatch {

        /** Reports shown on the board (30): the open reports of a shift fit on one screen. */
        int boardSize();

        /** The longest note (메모) a dispatcher may write (2000): the 119 service's own limit, checked here first. */
        int noteMaxLength();
    }

    interface Land {

        /** Parcels per page (20); land-registry allows at most 100. */
        int pageSize();
    }

    interface Passport {

        /** Applications per page (50): a queue is worked through top-down; passport allows at most 100. */
        int pageSize();
    }
}
