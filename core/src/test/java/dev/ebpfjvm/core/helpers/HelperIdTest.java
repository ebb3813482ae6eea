package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ebpfjvm.core.exec.TailCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helper id table against uapi bpf.h's numbering. */
class HelperIdTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "map_lookup_elem,1",
        "map_update_elem,2",
        "map_delete_elem,3",
        "tail_call,12",
        "skb_store_bytes,9",
        "redirect,23",
        "map_push_elem,87",
        "map_pop_elem,88",
        "map_peek_elem,89",
        "ringbuf_output,130",
        "ringbuf_reserve,131",
        "ringbuf_submit,132",
        "ringbuf_discard,133",
        "ringbuf_query,134",
        "ktime_get_tai_ns,208",
        "user_ringbuf_drain,209",
        "cgrp_storage_get,210",
        "cgrp_storage_delete,211"
    })
    void ids_matchUapi(String name, int id) {
        HelperId helper = HelperId.ofId(id);
        assertEquals(name, helper.kernelName());
        assertEquals("bpf_" + name, helper.cName());
        assertEquals(id, helper.id());
    }

    @Test
    void table_isContiguousFromOne() {
        HelperId[] all = HelperId.values();
        assertEquals(211, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i + 1, all[i].id());
            assertEquals(all[i], HelperId.ofId(i + 1));
        }
        assertNull(HelperId.ofId(0));
        assertNull(HelperId.ofId(212));
        assertNull(HelperId.ofId(-1));
        assertEquals(TailCalls.HELPER_ID, HelperId.TAIL_CALL.id());
    }
}
