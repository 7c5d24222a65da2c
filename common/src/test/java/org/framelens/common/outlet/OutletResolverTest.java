package org.framelens.common.outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutletResolverTest {
  @Test
  void withoutARegistryTheOutletIsTheRegisteredDomainUnderThePublicSuffixList() {
    OutletResolver r = OutletResolver.withoutRegistry();
    assertThat(r.outletForHost("news.example.co.uk")).isEqualTo("example.co.uk");
    assertThat(r.outletForHost("www.example.com.ua")).isEqualTo("example.com.ua");
    assertThat(r.outletForHost("edition.example.com")).isEqualTo("example.com");
    assertThat(r.outletForHost("example.com")).isEqualTo("example.com");
  }

  @Test
  void hostsThatAreNotDomainNamesStayAsTheyAre() {
    OutletResolver r = OutletResolver.withoutRegistry();
    assertThat(r.outletForHost("192.0.2.10")).isEqualTo("192.0.2.10");
    assertThat(r.outletForHost("localhost")).isEqualTo("localhost");
    assertThat(r.outletForHost(null)).isNull();
  }

  @Test
  void theRegistryMapsADomainAndEverySubdomainToItsOutlet() {
    OutletResolver r =
        OutletResolver.fromCsv(
            "domain,outlet,name,country,language,type\n"
                + "# comment\n"
                + "example.co.uk,chronicle,The Chronicle,GB,en,private\n"
                + "\"live.example.org\",live-desk,\"Live, Desk\",US,en,\n");
    assertThat(r.outletForHost("www.example.co.uk")).isEqualTo("chronicle");
    assertThat(r.outletForHost("a.b.example.co.uk")).isEqualTo("chronicle");
    assertThat(r.outletForHost("live.example.org")).isEqualTo("live-desk");
    assertThat(r.outletForHost("www.example.org")).isEqualTo("example.org");
  }

  @Test
  void aRegistryRowWithoutOutletIsReportedWithItsLine() {
    assertThatThrownBy(() -> OutletResolver.fromCsv("domain,outlet\nexample.com,\n"))
        .hasMessageContaining("line 2");
  }

  @Test
  void hostIsTakenOnlyFromHttpUrls() {
    assertThat(OutletResolver.host("https://News.Example.COM/a?b=1")).isEqualTo("news.example.com");
    assertThat(OutletResolver.host("file:///tmp/a.html")).isNull();
    assertThat(OutletResolver.host("/data/outlet/a.html")).isNull();
    assertThat(OutletResolver.host("not a url")).isNull();
  }
}
